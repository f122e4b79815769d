import { describe, expect, it } from 'vitest';
import { decodeDescribeConfigsResponse, encodeDescribeConfigsRequest } from './describe-configs-codec';
import { ClassicWriter } from './wire';

describe('DescribeConfigs v1 codec', () => {
  it('encodes resources with all or some config names', () => {
    expect([...encodeDescribeConfigsRequest([{ type: 2, name: 't', configNames: ['a'] }, { type: 4, name: '1', configNames: null }])]).toEqual([
      0, 0, 0, 2, 2, 0, 1, 0x74, 0, 0, 0, 1, 0, 1, 0x61, 4, 0, 1, 0x31, 0xff, 0xff, 0xff, 0xff, 0,
    ]);
  });

  it('keeps a resource with an error beside good ones', () => {
    const payload = new ClassicWriter()
      .int32(0)
      .array(['good', 'gone'], (w, name) => {
        w.int16(name === 'gone' ? 3 : 0).string(name === 'gone' ? 'unknown topic' : null).int8(2).string(name);
        w.array(name === 'gone' ? [] : [['retention.ms', '604800000', 5], ['cleanup.policy', 'compact', 1]] as [string, string, number][], (cw, [n, v, s]) =>
          cw.string(n).string(v).boolean(false).int8(s).boolean(false).array([], () => {}));
      })
      .toBuffer();
    const [good, gone] = decodeDescribeConfigsResponse(payload);
    expect(good.configs).toEqual([
      { name: 'retention.ms', value: '604800000', readOnly: false, source: 5, isSensitive: false },
      { name: 'cleanup.policy', value: 'compact', readOnly: false, source: 1, isSensitive: false },
    ]);
    expect(gone).toMatchObject({ name: 'gone', errorCode: 3, errorMessage: 'unknown topic' });
  });
});
