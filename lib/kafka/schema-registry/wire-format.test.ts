import { describe, expect, it } from 'vitest';
import { parseFrame, readMessageIndexes, writeMessageIndexes } from './wire-format';

describe('parseFrame', () => {
  it('reads the schema id after the magic byte and keeps the rest as payload', () => {
    const frame = parseFrame(Uint8Array.of(0, 0, 0, 0x01, 0x02, 9, 8));
    expect(frame?.schemaId).toBe(258);
    expect([...frame!.payload]).toEqual([9, 8]);
  });

  it('reads a schema id above 2^24 without sign trouble', () => {
    expect(parseFrame(Uint8Array.of(0, 0x7f, 0xff, 0xff, 0xff))?.schemaId).toBe(0x7fffffff);
  });

  it.each([
    ['null', null],
    ['too short', Uint8Array.of(0, 0, 0, 1)],
    ['another magic byte', Uint8Array.of(1, 0, 0, 0, 1)],
    ['text', new TextEncoder().encode('hello world')],
    ['schema id 0', Uint8Array.of(0, 0, 0, 0, 0, 1)],
    ['a negative schema id', Uint8Array.of(0, 0x80, 0, 0, 1)],
  ])('answers null for %s', (_label, bytes) => {
    expect(parseFrame(bytes)).toBeNull();
  });
});

describe('message indexes', () => {
  it('reads the single 0 byte as the first message', () => {
    const { indexes, message } = readMessageIndexes(Uint8Array.of(0, 0x0a, 1, 0x41));
    expect(indexes).toEqual([0]);
    expect([...message]).toEqual([0x0a, 1, 0x41]);
  });

  it('reads a zigzag-encoded list (count 2: [1, 3]), as Confluent writes it', () => {
    const { indexes, message } = readMessageIndexes(Uint8Array.of(4, 2, 6, 0x08, 0x01));
    expect(indexes).toEqual([1, 3]);
    expect([...message]).toEqual([0x08, 0x01]);
  });

  it('round-trips what writeMessageIndexes writes, large indexes included', () => {
    for (const list of [[0], [1], [0, 0], [2, 1], [200, 70000]]) {
      const bytes = Uint8Array.from([...writeMessageIndexes(list), 0x55]);
      expect(readMessageIndexes(bytes)).toEqual({ indexes: list, message: Uint8Array.of(0x55) });
    }
  });

  it('refuses a list cut short or with a negative count', () => {
    expect(() => readMessageIndexes(Uint8Array.of(4, 2))).toThrow(/cut short/);
    expect(() => readMessageIndexes(Uint8Array.of(1))).toThrow(/not valid/);
  });
});
