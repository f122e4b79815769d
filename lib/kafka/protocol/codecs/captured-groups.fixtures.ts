/**
 * Group answers of the local Kafka 4.3.1 cluster (after the correlation id), captured with a raw
 * socket sending the same requests our codecs write, while Kafka's own tools ran the groups:
 * share group "sg-probe" with two `kafka-console-share-consumer`s (client ids share-cap-a, share-cap-b)
 * on topic "sh-probe-13503" (3 partitions; log end 40, 10, 10), a classic group "cg-static-probe" with
 * a static member (`kafka-console-consumer`, group.instance.id=static-classic-1) and a KIP-848 group
 * "cg848-static-probe" (group.protocol=consumer, group.instance.id=static-848-1). What Kafka's Java
 * client (kafka-clients 4.3.1's generated *ResponseData classes) reads from each is quoted beside it.
 */

/** ListGroups v5 of node 2: ListedGroup(groupId='sg-probe', protocolType='share', groupState='Stable', groupType='share'), ListedGroup(groupId='cg-static-probe', protocolType='consumer', groupState='Stable', groupType='classic'). */
export const LIST_GROUPS_V5_NODE_2 =
  '00000000000000030973672d70726f626506736861726507537461626c65067368617265001063672d7374617469632d70726f626509636f6e73756d' +
  '657207537461626c6508636c61737369630000';

/**
 * ShareGroupDescribe v1 of sg-probe: groupState='Stable', groupEpoch=8, assignmentEpoch=8, assignorName='simple';
 * Member(memberId='YCfGQl3MTSes-QkCl63EGw', memberEpoch=8, clientId='share-cap-a', clientHost='/127.0.0.1', partitions=[1, 2]),
 * Member(memberId='hOVStfGJQE-B36B2PvxCyg', memberEpoch=8, clientId='share-cap-b', clientHost='/127.0.0.1', partitions=[0]).
 */
export const SHARE_GROUP_DESCRIBE_V1 =
  '0000000000020000000973672d70726f626507537461626c6500000008000000080773696d706c65031759436647516c334d545365732d516b436c36' +
  '3345477700000000080c73686172652d6361702d610b2f3132372e302e302e31020f73682d70726f62652d3133353033029abe765f95c0468f85c6fb' +
  '6fa2ce9a3b0f73682d70726f62652d313335303303000000010000000200000017684f56537466474a51452d42333642325076784379670000000008' +
  '0c73686172652d6361702d620b2f3132372e302e302e31020f73682d70726f62652d3133353033029abe765f95c0468f85c6fb6fa2ce9a3b0f73682d' +
  '70726f62652d31333530330200000000000000800000000000';

/**
 * DescribeShareGroupOffsets v1 of sg-probe (all topics): partition 0 startOffset=10 leaderEpoch=0 lag=0,
 * partitions 1 and 2 startOffset=0 leaderEpoch=0 lag=0 (kafka-share-groups --describe --offsets printed
 * the same: the start offset of partition 0 lags behind what was acknowledged, the lag does not).
 */
export const DESCRIBE_SHARE_GROUP_OFFSETS_V1 =
  '0000000000020973672d70726f6265020f73682d70726f62652d31333530339abe765f95c0468f85c6fb6fa2ce9a3b0400000000000000000000000a' +
  '000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000002000000000000000000000000' +
  '000000000000000000000000000000000000';

/** The same at v0, which has no lag field: startOffset 10, 0, 0. */
export const DESCRIBE_SHARE_GROUP_OFFSETS_V0 =
  '0000000000020973672d70726f6265020f73682d70726f62652d31333530339abe765f95c0468f85c6fb6fa2ce9a3b0400000000000000000000000a' +
  '000000000000000000000001000000000000000000000000000000000000000200000000000000000000000000000000000000000000';

/** DescribeGroups v5 of cg-static-probe: Stable, consumer, range; groupInstanceId='static-classic-1', clientId='classic-cap', partitions 0, 1, 2. */
export const DESCRIBE_GROUPS_V5_STATIC =
  '00000000000200001063672d7374617469632d70726f626507537461626c6509636f6e73756d65720672616e676502367374617469632d636c617373' +
  '69632d312d65633763653737302d386262342d343032392d616636652d613663366265663266653439117374617469632d636c61737369632d310c63' +
  '6c61737369632d6361700b2f3132372e302e302e3125000300000001000e73682d70726f62652d3133353033ffffffff00000000ffffffffffff2b00' +
  '0300000001000e73682d70726f62652d313335303300000003000000000000000100000002ffffffff00800000000000';

/** ConsumerGroupDescribe v0 of cg848-static-probe: Stable, groupEpoch=2, assignmentEpoch=2, assignorName='uniform'; instanceId='static-848-1', memberEpoch=2, clientId='kip848-cap', partitions 0, 1, 2. */
export const CONSUMER_GROUP_DESCRIBE_V0_STATIC =
  '0000000000020000001363673834382d7374617469632d70726f626507537461626c65000000020000000208756e69666f726d021757344b78646750' +
  '4a524979624c5f73566d334b414b670d7374617469632d3834382d3100000000020b6b69703834382d6361700b2f3132372e302e302e31020f73682d' +
  '70726f62652d313335303301029abe765f95c0468f85c6fb6fa2ce9a3b0f73682d70726f62652d313335303304000000000000000100000002000002' +
  '9abe765f95c0468f85c6fb6fa2ce9a3b0f73682d70726f62652d313335303304000000000000000100000002000000800000000000';

/**
 * Request bodies as Kafka's Java client writes them (MessageUtil.toByteBufferAccessor of the generated
 * *RequestData, kafka-clients 4.3.1); ours carry one more byte in front, the request header's empty
 * tagged fields, since kafkajs writes a v1 header.
 */
export const JAVA_SHARE_GROUP_DESCRIBE_V1_REQUEST = '030973672d70726f6265066f746865720000'; // groups sg-probe, other; no authorized operations
export const JAVA_DESCRIBE_SHARE_GROUP_OFFSETS_V1_REQUEST = '020973672d70726f6265000000'; // group sg-probe, topics null (all)
export const JAVA_LIST_GROUPS_V5_REQUEST = '010100'; // no states filter, no types filter
export const JAVA_LIST_GROUPS_V4_REQUEST = '0100';
