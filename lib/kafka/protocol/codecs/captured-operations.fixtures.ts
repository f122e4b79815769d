/**
 * Bytes from Kafka itself, for the codec tests. Requests: Kafka 4.3.1's Java client classes (the
 * ones its admin client and tools use) serializing them, printed by tests/support/java/SerializeRequests.java
 * (`java -cp '.cluster/libs-4.3.1/*' tests/support/java/SerializeRequests.java ops-capture ops-capture-group`):
 * v1 header (api key, version, correlation id 7, client id "capture") and body. Responses: the local
 * Kafka 4.3.1 cluster's answers to those bytes, after the correlation id, captured with
 * tests/support/capture-response.mjs. Topic "ops-capture": partitions 0 and 1 on broker 0, 5 records each.
 */

/** Our encoders write the body after kafkajs's v1 header: strip Java's header (client id "capture"). */
export const requestBody = (hex: string) => Buffer.from(hex, 'hex').subarray(2 + 2 + 4 + 2 + 'capture'.length);

/** Partition 0 before offset 3, partition 1 up to the high watermark (-1), timeout 30 s. */
export const DELETE_RECORDS_REQUEST: Record<number, string> = {
  0: '001500000000000700076361707475726500000001000b6f70732d636170747572650000000200000000000000000000000300000001ffffffffffffffff00007530',
  1: '001500010000000700076361707475726500000001000b6f70732d636170747572650000000200000000000000000000000300000001ffffffffffffffff00007530',
  2: '001500020000000700076361707475726500020c6f70732d63617074757265030000000000000000000000030000000001ffffffffffffffff00000000753000',
};
/** Broker 0's answer to the v2 request: low watermarks 3 and 5. */
export const DELETE_RECORDS_V2_OK = '0000000000020c6f70732d63617074757265030000000000000000000000030000000000000100000000000000050000000000';
/** Broker 0's answer to the v1 request (sent again: nothing more to delete, same watermarks). */
export const DELETE_RECORDS_V1_OK = '0000000000000001000b6f70732d636170747572650000000200000000000000000000000300000000000100000000000000050000';
/** Partition 0 before offset 99, beyond its high watermark 5: OFFSET_OUT_OF_RANGE (1), low watermark -1. */
export const DELETE_RECORDS_V2_OUT_OF_RANGE = '0000000000020c6f70732d636170747572650300000000ffffffffffffffff0001000000000100000000000000050000000000';
/** The v2 request sent to broker 1, which leads neither partition: NOT_LEADER_OR_FOLLOWER (6). */
export const DELETE_RECORDS_V2_NOT_LEADER = '0000000000020c6f70732d636170747572650300000000ffffffffffffffff00060000000001ffffffffffffffff0006000000';

/** Group "ops-capture-group", topic "ops-capture", partitions 0 and 1 (kafka-consumer-groups --delete-offsets). */
export const OFFSET_DELETE_V0_REQUEST =
  '002f00000000000700076361707475726500116f70732d636170747572652d67726f757000000001000b6f70732d63617074757265000000020000000000000001';
/** The coordinator's answer while the group is Empty: both partitions' offsets deleted. */
export const OFFSET_DELETE_V0_OK = '00000000000000000001000b6f70732d6361707475726500000002000000000000000000010000';
/** The coordinator's answer while a console consumer is subscribed: GROUP_SUBSCRIBED_TO_TOPIC (86) per partition. */
export const OFFSET_DELETE_V0_SUBSCRIBED = '00000000000000000001000b6f70732d6361707475726500000002000000000056000000010056';
/** Another broker's answer: NOT_COORDINATOR (16), no topics. */
export const OFFSET_DELETE_V0_NOT_COORDINATOR = '00100000000000000000';

/** Preferred election for ops-capture 0 and 1 (kafka-leader-election --election-type preferred), v1 and v2. */
export const ELECT_LEADERS_PREFERRED_REQUEST: Record<number, string> = {
  1: '002b0001000000070007636170747572650000000001000b6f70732d636170747572650000000200000000000000010000ea60',
  2: '002b0002000000070007636170747572650000020c6f70732d63617074757265030000000000000001000000ea6000',
};
/** Unclean election for every partition (null list): serialized only, never sent to the shared cluster. */
export const ELECT_LEADERS_UNCLEAN_ALL_REQUEST: Record<number, string> = {
  1: '002b00010000000700076361707475726501ffffffff0000ea60',
  2: '002b0002000000070007636170747572650001000000ea6000',
};
/** The answers: ELECTION_NOT_NEEDED (84) with Kafka's message for both partitions (one replica each). */
export const ELECT_LEADERS_NOT_NEEDED: Record<number, string> = {
  1: '00000000000000000001000b6f70732d6361707475726500000002000000000054002f4c656164657220656c656374696f6e206e6f74206e656564656420666f7220746f70696320706172746974696f6e2e000000010054002f4c656164657220656c656374696f6e206e6f74206e656564656420666f7220746f70696320706172746974696f6e2e',
  2: '00000000000000020c6f70732d6361707475726503000000000054304c656164657220656c656374696f6e206e6f74206e656564656420666f7220746f70696320706172746974696f6e2e00000000010054304c656164657220656c656374696f6e206e6f74206e656564656420666f7220746f70696320706172746974696f6e2e000000',
};
