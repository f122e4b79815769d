/**
 * SCRAM-user and client-quota exchanges of Kafka's own ConfigCommand (kafka-configs, Kafka 4.3.1
 * Java admin client) with the local 4.3.1 cluster, captured with tests/support/capture-proxy.mjs:
 *   node tests/support/capture-proxy.mjs OUT.json 48,49,50,51 -- configs <the arguments named below>
 * The proxy sits in front of the three brokers (rewriting their advertised ports to its own, so
 * every connection passes through it) and records, per exchange, the request body after the
 * client id (what a codec's encode() writes) and the answer after the correlation id (what
 * decode() reads), in hex. Not run by itself.
 */

/** `--alter --entity-type users --entity-name fixture-user --add-config 'SCRAM-SHA-256=[iterations=8192,password=fixture-secret]'`: salt "1ka4l4nm44plsfvxic4ab9s1lr" (Kafka's base-36 random string). */
export const ALTER_SCRAM_UPSERT = { version: 0, request: '0001020d666978747572652d7573657201000020001b316b61346c346e6d3434706c7366767869633461623973316c72219b76de171dc7fc8142ebdc18344eba5dedaa75b4f8f6858181be2524b1ec2d510000', response: '0000000000020d666978747572652d757365720000000000' };

/** `--alter --entity-type users --entity-name fixture-user --delete-config SCRAM-SHA-256`. */
export const ALTER_SCRAM_DELETE = { version: 0, request: '00020d666978747572652d7573657201000100', response: '0000000000020d666978747572652d757365720000000000' };

/** `--describe --entity-type users` (the tool asks for all users with an empty list): fixture-user SCRAM-SHA-256/8192, admin SCRAM-SHA-512/4096 and SCRAM-SHA-256/4096. */
export const DESCRIBE_SCRAM_ALL = { version: 0, request: '000100', response: '0000000000000001030d666978747572652d7573657200000102010000200000000661646d696e000001030200001000000100001000000000' };

/** `--describe --entity-type users --entity-name fixture-user`. */
export const DESCRIBE_SCRAM_ONE = { version: 0, request: '00020d666978747572652d757365720000', response: '0000000000000001020d666978747572652d75736572000001020100002000000000' };

/** `--describe --entity-type users --entity-name fixture-nobody`: RESOURCE_NOT_FOUND (91) for that user, with the broker's message. */
export const DESCRIBE_SCRAM_MISSING = { version: 0, request: '00020f666978747572652d6e6f626f64790000', response: '0000000000000001020f666978747572652d6e6f626f6479005b4a417474656d707420746f206465736372696265206120757365722063726564656e7469616c207468617420646f6573206e6f742065786973743a20666978747572652d6e6f626f6479010000' };

/** `--alter --entity-type users --entity-name fixture-quser --entity-type clients --entity-name fixture-qclient --add-config producer_byte_rate=1024,consumer_byte_rate=2048`. */
export const ALTER_QUOTAS_USER_CLIENT = { version: 1, request: '0002030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d717573657200031370726f64756365725f627974655f726174654090000000000000000013636f6e73756d65725f627974655f7261746540a00000000000000000000000', response: '000000000002000000030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d7175736572000000' };

/** The same with consumer_byte_rate=2048.5: INVALID_REQUEST (42) "consumer_byte_rate cannot be a fractional value." */
export const ALTER_QUOTAS_FRACTIONAL = { version: 1, request: '0002030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d717573657200031370726f64756365725f627974655f726174654090000000000000000013636f6e73756d65725f627974655f7261746540a00100000000000000000000', response: '000000000002002a31636f6e73756d65725f627974655f726174652063616e6e6f742062652061206672616374696f6e616c2076616c75652e030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d7175736572000000' };

/** `--alter --entity-type clients --entity-default --add-config request_percentage=150` (entity name null). */
export const ALTER_QUOTAS_CLIENT_DEFAULT = { version: 1, request: '0002020a636c69656e742d696400000213726571756573745f70657263656e746167654062c000000000000000000000', response: '000000000002000000020a636c69656e742d696400000000' };

/** `--alter --entity-type ips --entity-name 10.1.2.3 --add-config connection_creation_rate=7`. */
export const ALTER_QUOTAS_IP = { version: 1, request: '0002020369700931302e312e322e33000219636f6e6e656374696f6e5f6372656174696f6e5f72617465401c0000000000000000000000', response: '000000000002000000020369700931302e312e322e33000000' };

/** `--describe --entity-type users --entity-type clients` (match any name of each, strict): the user+client pair above. */
export const DESCRIBE_QUOTAS_USERS_CLIENTS = { version: 1, request: '000305757365720200000a636c69656e742d69640200000100', response: '000000000000000102030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d7175736572000313636f6e73756d65725f627974655f7261746540a0000000000000001370726f64756365725f627974655f726174654090000000000000000000' };

/** `--describe --entity-type clients`: the default client id's request_percentage=150. */
export const DESCRIBE_QUOTAS_CLIENTS = { version: 1, request: '00020a636c69656e742d69640200000100', response: '000000000000000102020a636c69656e742d696400000213726571756573745f70657263656e746167654062c00000000000000000' };

/** `--describe --entity-type ips`: 10.1.2.3's connection_creation_rate=7. */
export const DESCRIBE_QUOTAS_IPS = { version: 1, request: '00020369700200000100', response: '000000000000000102020369700931302e312e322e33000219636f6e6e656374696f6e5f6372656174696f6e5f72617465401c000000000000000000' };

/** `--alter ... users fixture-quser, clients fixture-qclient --delete-config producer_byte_rate,consumer_byte_rate` (remove: value 0, remove true). */
export const REMOVE_QUOTAS_USER_CLIENT = { version: 1, request: '0002030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d717573657200031370726f64756365725f627974655f726174650000000000000000010013636f6e73756d65725f627974655f7261746500000000000000000100000000', response: '000000000002000000030a636c69656e742d696410666978747572652d71636c69656e740005757365720e666978747572652d7175736572000000' };

/** `--alter --entity-type clients --entity-default --delete-config request_percentage`. */
export const REMOVE_QUOTAS_CLIENT_DEFAULT = { version: 1, request: '0002020a636c69656e742d696400000213726571756573745f70657263656e7461676500000000000000000100000000', response: '000000000002000000020a636c69656e742d696400000000' };

/** `--alter --entity-type ips --entity-name 10.1.2.3 --delete-config connection_creation_rate`. */
export const REMOVE_QUOTAS_IP = { version: 1, request: '0002020369700931302e312e322e33000219636f6e6e656374696f6e5f6372656174696f6e5f7261746500000000000000000100000000', response: '000000000002000000020369700931302e312e322e33000000' };
