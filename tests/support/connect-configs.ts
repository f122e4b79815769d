/**
 * The tests' source connector: a FileStreamSource reading `file` into `topic` as plain strings, the
 * topic created by Connect with one partition and one replica. Shared by the integration and e2e tests.
 */
export const fileSourceConfig = (file: string, topic: string) => ({
  'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
  file,
  topic,
  'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
  'topic.creation.default.replication.factor': '1',
  'topic.creation.default.partitions': '1',
});
