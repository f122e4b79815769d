import { describe, expect, it } from 'vitest';
import { brokerConfigCommand, deleteOffsetsCommand, deleteRecordsCommand, leaderElectionCommand } from './operations-cli';

describe('the CLI equivalents of the operator operations', () => {
  it('deletes records with an offset file; -1 empties a partition', () => {
    expect(deleteRecordsCommand('h:9092', 'orders', [0, 2], null)).toBe(
      `echo '{"partitions":[{"topic":"orders","partition":0,"offset":-1},{"topic":"orders","partition":2,"offset":-1}],"version":1}' > delete-records.json && kafka-delete-records.sh --bootstrap-server h:9092 --offset-json-file delete-records.json`,
    );
    expect(deleteRecordsCommand('h:9092', "it's", [1], 40)).toContain(`'{"partitions":[{"topic":"it'\\''s","partition":1,"offset":40}],"version":1}'`);
  });

  it("deletes a group's offsets for a topic or some partitions", () => {
    expect(deleteOffsetsCommand('h:9092', 'g', 'orders', null)).toBe(
      'kafka-consumer-groups.sh --bootstrap-server h:9092 --delete-offsets --group g --topic orders',
    );
    expect(deleteOffsetsCommand('h:9092', 'g', 'orders', [0, 1])).toBe(
      'kafka-consumer-groups.sh --bootstrap-server h:9092 --delete-offsets --group g --topic orders:0,1',
    );
  });

  it('alters a broker config or the cluster default, lists in brackets', () => {
    expect(brokerConfigCommand('h:9092', 1, 'log.cleaner.threads', '2')).toBe(
      'kafka-configs.sh --bootstrap-server h:9092 --entity-type brokers --entity-name 1 --alter --add-config log.cleaner.threads=2',
    );
    expect(brokerConfigCommand('h:9092', 'default', 'log.cleaner.threads', null)).toBe(
      'kafka-configs.sh --bootstrap-server h:9092 --entity-type brokers --entity-default --alter --delete-config log.cleaner.threads',
    );
    expect(brokerConfigCommand('h:9092', 0, 'listeners.x', 'a,b')).toContain("--add-config 'listeners.x=[a,b]'");
  });

  it('elects leaders for all, one, or a list of partitions', () => {
    expect(leaderElectionCommand('h:9092', 'preferred', null)).toBe(
      'kafka-leader-election.sh --bootstrap-server h:9092 --election-type PREFERRED --all-topic-partitions',
    );
    expect(leaderElectionCommand('h:9092', 'unclean', [{ topic: 't', partition: 3 }])).toBe(
      'kafka-leader-election.sh --bootstrap-server h:9092 --election-type UNCLEAN --topic t --partition 3',
    );
    expect(
      leaderElectionCommand('h:9092', 'preferred', [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 1 },
      ]),
    ).toBe(
      `echo '{"partitions":[{"topic":"t","partition":0},{"topic":"t","partition":1}]}' > elect-leaders.json && kafka-leader-election.sh --bootstrap-server h:9092 --election-type PREFERRED --path-to-json-file elect-leaders.json`,
    );
  });
});
