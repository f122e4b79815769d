import { describe, expect, it } from 'vitest';
import { INCREMENTAL_ALTER_CONFIGS_V0_UNKNOWN_TOPIC } from './captured-admin.fixtures';
import { RESOURCE_TYPE, incrementalAlterConfigs } from './incremental-alter-configs';

describe('IncrementalAlterConfigs v0 codec', () => {
  it('encodes a set (operation 0) and a reset to default (operation 1, null value) of single keys', () => {
    const body = incrementalAlterConfigs.encode(
      {
        resourceType: RESOURCE_TYPE.topic,
        resourceName: 't',
        changes: [
          { name: 'a', value: '1' },
          { name: 'b', value: null },
        ],
        validateOnly: false,
      },
      0,
    );
    expect([...body]).toEqual([
      0,
      0,
      0,
      1, // one resource
      2,
      0,
      1,
      0x74, // topic "t"
      0,
      0,
      0,
      2, // two changes
      0,
      1,
      0x61,
      0,
      0,
      1,
      0x31, // a: set "1"
      0,
      1,
      0x62,
      1,
      0xff,
      0xff, // b: delete, null value
      0, // validateOnly: false
    ]);
  });

  it('reads the broker’s refusal and its message from a captured Kafka 4.3.1 answer', () => {
    expect(incrementalAlterConfigs.decode(Buffer.from(INCREMENTAL_ALTER_CONFIGS_V0_UNKNOWN_TOPIC, 'hex'), 0)).toEqual([
      { errorCode: 3, errorMessage: "The topic 'capture-no-such-topic' does not exist.", resourceName: 'capture-no-such-topic' },
    ]);
  });
});
