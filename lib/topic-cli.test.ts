import { describe, expect, it } from 'vitest';
import { kafkaTopicsCreateCommand, shellQuote } from './topic-cli';

describe('kafkaTopicsCreateCommand', () => {
  it('writes the kafka-topics.sh command for the form', () => {
    expect(
      kafkaTopicsCreateCommand({
        bootstrap: '127.0.0.1:19092',
        name: 'orders',
        partitions: 6,
        replicationFactor: 3,
        configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete' },
      }),
    ).toBe(
      'kafka-topics.sh --bootstrap-server 127.0.0.1:19092 --create --topic orders --partitions 6 --replication-factor 3 ' +
        '--config retention.ms=3600000 --config cleanup.policy=compact,delete',
    );
  });

  it('quotes what the shell would misread', () => {
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote('plain-name.v1')).toBe('plain-name.v1');
  });
});
