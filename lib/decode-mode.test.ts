import { describe, expect, it } from 'vitest';
import { parseDecodeMode } from './decode-mode';

describe('parseDecodeMode', () => {
  it('defaults to auto', () => {
    expect(parseDecodeMode(null)).toEqual({ ok: true, mode: 'auto' });
    expect(parseDecodeMode('')).toEqual({ ok: true, mode: 'auto' });
  });

  it('takes each format by name', () => {
    for (const mode of ['text', 'json', 'hex', 'base64', 'avro', 'protobuf', 'json-schema']) expect(parseDecodeMode(mode)).toEqual({ ok: true, mode });
  });

  it('refuses anything else, listing the choices', () => {
    expect(parseDecodeMode('AVRO')).toEqual({ ok: false, problem: expect.stringContaining('auto, text, json, hex, base64, avro, protobuf, json-schema') });
    expect(parseDecodeMode('__proto__').ok).toBe(false);
  });
});
