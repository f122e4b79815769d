/**
 * ListOffsets bytes from Kafka itself (see captured-operations.fixtures.ts for how they were made).
 * Topic "ops-capture" with partition 0 on broker 0 (records deleted below offset 2, 3 written) and
 * partition 1 on broker 1 (5 records). The request asks partition 0's earliest (-2) and partition 1's
 * latest (-1) offset; sent to broker 0 it answers partition 0 and NOT_LEADER_OR_FOLLOWER (6) for 1,
 * sent to broker 1 the other way round: one answer with an error and a result side by side.
 */

/** Kafka 4.3.1's ListOffsetsRequest.Builder.forConsumer(false, READ_UNCOMMITTED), timeout 30 s, v1–v11. */
export const LIST_OFFSETS_REQUEST: Record<number, string> = {
  1: '0002000100000007000763617074757265ffffffff00000001000b6f70732d636170747572650000000200000000fffffffffffffffe00000001ffffffffffffffff',
  2: '0002000200000007000763617074757265ffffffff0000000001000b6f70732d636170747572650000000200000000fffffffffffffffe00000001ffffffffffffffff',
  3: '0002000300000007000763617074757265ffffffff0000000001000b6f70732d636170747572650000000200000000fffffffffffffffe00000001ffffffffffffffff',
  4: '0002000400000007000763617074757265ffffffff0000000001000b6f70732d636170747572650000000200000000fffffffffffffffffffffffe00000001ffffffffffffffffffffffff',
  5: '0002000500000007000763617074757265ffffffff0000000001000b6f70732d636170747572650000000200000000fffffffffffffffffffffffe00000001ffffffffffffffffffffffff',
  6: '000200060000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff000000',
  7: '000200070000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff000000',
  8: '000200080000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff000000',
  9: '000200090000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff000000',
  10: '0002000a0000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff00000000753000',
  11: '0002000b0000000700076361707475726500ffffffff00020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff00000000753000',
};
/** The same with READ_COMMITTED, v6. */
export const LIST_OFFSETS_READ_COMMITTED_V6_REQUEST = '000200060000000700076361707475726500ffffffff01020c6f70732d636170747572650300000000fffffffffffffffffffffffe0000000001ffffffffffffffffffffffff000000';
/** Broker 0 and broker 1 answering the v11, v6, v4 and v1 requests. */
export const LIST_OFFSETS_RESPONSE: Record<number, { broker0: string; broker1: string }> = {
  11: {
    broker0: '0000000000020c6f70732d6361707475726503000000000000ffffffffffffffff00000000000000020000000000000000010006ffffffffffffffffffffffffffffffffffffffff000000',
    broker1: '0000000000020c6f70732d6361707475726503000000000006ffffffffffffffffffffffffffffffffffffffff00000000010000ffffffffffffffff000000000000000500000000000000',
  },
  6: {
    broker0: '0000000000020c6f70732d6361707475726503000000000000ffffffffffffffff00000000000000020000000000000000010006ffffffffffffffffffffffffffffffffffffffff000000',
    broker1: '0000000000020c6f70732d6361707475726503000000000006ffffffffffffffffffffffffffffffffffffffff00000000010000ffffffffffffffff000000000000000500000000000000',
  },
  4: {
    broker0: '0000000000000001000b6f70732d6361707475726500000002000000000000ffffffffffffffff000000000000000200000000000000010006ffffffffffffffffffffffffffffffffffffffff',
    broker1: '0000000000000001000b6f70732d6361707475726500000002000000000006ffffffffffffffffffffffffffffffffffffffff000000010000ffffffffffffffff000000000000000500000000',
  },
  1: {
    broker0: '00000001000b6f70732d6361707475726500000002000000000000ffffffffffffffff0000000000000002000000010006ffffffffffffffffffffffffffffffff',
    broker1: '00000001000b6f70732d6361707475726500000002000000000006ffffffffffffffffffffffffffffffff000000010000ffffffffffffffff0000000000000005',
  },
};
