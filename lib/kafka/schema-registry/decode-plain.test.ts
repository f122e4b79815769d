import { describe, expect, it } from 'vitest';
import type { WireMessage } from '@/lib/types/messages';
import { decodePlain, decodePlainMessage } from './decode-plain';

describe('decodePlain', () => {
  it('decodes as each mode says, and shows what is not JSON as hex with a note', () => {
    const bytes = Buffer.from('{"a":1}');
    expect(decodePlain(bytes, 'text')).toEqual({ data: '{"a":1}', base64: false, format: 'text' });
    expect(decodePlain(bytes, 'json')).toEqual({ data: '{"a":1}', base64: false, format: 'json' });
    expect(decodePlain(bytes, 'base64')).toEqual({ data: bytes.toString('base64'), base64: true, format: 'base64' });
    expect(decodePlain(Buffer.from('ab'), 'hex')).toMatchObject({ data: '61 62', format: 'hex' });
    expect(decodePlain(Buffer.from('{nope'), 'json')).toMatchObject({ data: '7b 6e 6f 70 65', format: 'hex', note: 'not valid JSON' });
  });

  it('decodes a stream message in place from how it travels (base64 or text), leaving a null key alone', () => {
    const message = {
      partition: 0,
      offset: 1,
      key: null,
      value: Buffer.from([0, 1, 0xff]).toString('base64'),
      encoding: { key: 'utf8', value: 'base64' },
    } as WireMessage;
    expect(decodePlainMessage(message, 'hex')).toMatchObject({
      key: null,
      value: '00 01 ff',
      encoding: { key: 'utf8', value: 'utf8' },
      format: { value: 'hex' },
    });
    expect(message.format?.key).toBeUndefined();
  });
});
