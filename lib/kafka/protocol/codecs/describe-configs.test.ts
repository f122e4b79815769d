import { describe, expect, it } from 'vitest';
import { describeConfigs } from './describe-configs';
import { ClassicWriter } from '../wire';
import { requestBody } from './captured-operations.fixtures';
import { DESCRIBE_CONFIGS_V1_BROKER_0, DESCRIBE_CONFIGS_V1_BROKER_1, DESCRIBE_CONFIGS_V1_REQUEST } from './captured-reads.fixtures';

describe('DescribeConfigs v1 codec', () => {
  it('encodes resources with all or some config names', () => {
    expect([
      ...describeConfigs.encode(
        {
          resources: [
            { type: 2, name: 't', configNames: ['a'] },
            { type: 4, name: '1', configNames: null },
          ],
        },
        1,
      ),
    ]).toEqual([0, 0, 0, 2, 2, 0, 1, 0x74, 0, 0, 0, 1, 0, 1, 0x61, 4, 0, 1, 0x31, 0xff, 0xff, 0xff, 0xff, 0]);
  });

  it('keeps a resource with an error beside good ones', () => {
    const payload = new ClassicWriter()
      .int32(0)
      .array(['good', 'gone'], (w, name) => {
        w.int16(name === 'gone' ? 3 : 0)
          .string(name === 'gone' ? 'unknown topic' : null)
          .int8(2)
          .string(name);
        w.array(
          name === 'gone'
            ? []
            : ([
                ['retention.ms', '604800000', 5],
                ['cleanup.policy', 'compact', 1],
              ] as [string, string, number][]),
          (cw, [n, v, s]) =>
            cw
              .string(n)
              .string(v)
              .boolean(false)
              .int8(s)
              .boolean(false)
              .array([], () => {}),
        );
      })
      .toBuffer();
    const [good, gone] = describeConfigs.decode(payload, 1);
    expect(good.configs).toEqual([
      { name: 'retention.ms', value: '604800000', readOnly: false, source: 5, isSensitive: false },
      { name: 'cleanup.policy', value: 'compact', readOnly: false, source: 1, isSensitive: false },
    ]);
    expect(gone).toMatchObject({ name: 'gone', errorCode: 3, errorMessage: 'unknown topic' });
  });

  const captured = {
    resources: [
      { type: 2, name: 'reads-capture', configNames: ['retention.ms', 'cleanup.policy'] },
      { type: 2, name: 'reads-capture-missing', configNames: null },
      { type: 4, name: '0', configNames: ['num.io.threads'] },
    ],
  };

  it("writes the request byte for byte as Kafka's Java client does", () => {
    expect(describeConfigs.encode(captured, 1).toString('hex')).toBe(requestBody(DESCRIBE_CONFIGS_V1_REQUEST).toString('hex'));
  });

  it("reads a broker's answer: each config's value and source, a missing topic's error, another broker's refusal", () => {
    const topic = {
      errorCode: 0,
      errorMessage: '',
      type: 2,
      name: 'reads-capture',
      configs: [
        { name: 'cleanup.policy', value: 'delete', readOnly: false, source: 5, isSensitive: false },
        { name: 'retention.ms', value: '86400000', readOnly: false, source: 1, isSensitive: false },
      ],
    };
    const missing = { errorCode: 3, errorMessage: '', type: 2, name: 'reads-capture-missing', configs: [] };
    expect(describeConfigs.decode(Buffer.from(DESCRIBE_CONFIGS_V1_BROKER_0, 'hex'), 1)).toEqual([
      topic,
      missing,
      { errorCode: 0, errorMessage: '', type: 4, name: '0', configs: [{ name: 'num.io.threads', value: '8', readOnly: false, source: 5, isSensitive: false }] },
    ]);
    expect(describeConfigs.decode(Buffer.from(DESCRIBE_CONFIGS_V1_BROKER_1, 'hex'), 1)).toEqual([
      topic,
      missing,
      { errorCode: 42, errorMessage: 'Unexpected broker id, expected 1 or empty string, but received 0', type: 4, name: '0', configs: [] },
    ]);
  });
});
