import { describe, expect, it } from 'vitest';
import { entityArgs, kafkaConfigsDeleteScramCommand, kafkaConfigsQuotaCommand, kafkaConfigsScramCommand } from './configs-cli';

describe('kafka-configs commands', () => {
  it('shows a SCRAM user change with the password masked', () => {
    expect(kafkaConfigsScramCommand('b:9092', { name: 'alice', mechanism: 'SCRAM-SHA-256', iterations: 8192 })).toBe(
      "kafka-configs.sh --bootstrap-server b:9092 --alter --add-config 'SCRAM-SHA-256=[iterations=8192,password=********]' --entity-type users --entity-name alice",
    );
    expect(kafkaConfigsScramCommand('b:9092', { name: "o'neil x", mechanism: 'SCRAM-SHA-512', iterations: 4096 })).toContain("--entity-name 'o'\\''neil x'");
    expect(kafkaConfigsDeleteScramCommand('b:9092', 'alice', ['SCRAM-SHA-256', 'SCRAM-SHA-512'])).toBe(
      'kafka-configs.sh --bootstrap-server b:9092 --alter --delete-config SCRAM-SHA-256,SCRAM-SHA-512 --entity-type users --entity-name alice',
    );
  });

  it('names entities as the tool does, defaults with --entity-default', () => {
    expect(entityArgs({ user: 'alice', clientId: null })).toEqual([
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
      '--entity-type',
      'clients',
      '--entity-default',
    ]);
    expect(entityArgs({ ip: '10.0.0.1' })).toEqual(['--entity-type', 'ips', '--entity-name', '10.0.0.1']);
  });

  it('sets and removes quota values in one command', () => {
    expect(kafkaConfigsQuotaCommand('b:9092', { user: null }, { producer_byte_rate: 1024, consumer_byte_rate: null })).toBe(
      'kafka-configs.sh --bootstrap-server b:9092 --alter --add-config producer_byte_rate=1024 --delete-config consumer_byte_rate --entity-type users --entity-default',
    );
  });
});
