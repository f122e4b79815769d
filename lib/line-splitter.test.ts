import { describe, expect, it } from 'vitest';
import { LineSplitter, splitKeyValue } from './line-splitter';

const text = (records: Buffer[]) => records.map((r) => r.toString());

describe('LineSplitter', () => {
  it('splits across chunk boundaries and keeps the last unterminated line for the end', () => {
    const s = new LineSplitter();
    expect(text(s.push(Buffer.from('one\ntw')))).toEqual(['one']);
    expect(text(s.push(Buffer.from('o\nthree\r\nfou')))).toEqual(['two', 'three']);
    expect(text(s.end())).toEqual(['fou']);
  });

  it('keeps empty lines as empty records', () => {
    const s = new LineSplitter();
    expect(text(s.push(Buffer.from('a\n\nb\n')))).toEqual(['a', '', 'b']);
    expect(s.end()).toEqual([]);
  });

  it('splits on a multi-byte separator split between chunks', () => {
    const s = new LineSplitter('||');
    expect(text(s.push(Buffer.from('a|')))).toEqual([]);
    expect(text(s.push(Buffer.from('|b||c')))).toEqual(['a', 'b']);
    expect(text(s.end())).toEqual(['c']);
  });

  it('handles a multi-byte character cut between chunks', () => {
    const bytes = Buffer.from('é\n');
    const s = new LineSplitter();
    expect(s.push(bytes.subarray(0, 1))).toEqual([]);
    expect(text(s.push(bytes.subarray(1)))).toEqual(['é']);
  });
});

describe('splitKeyValue', () => {
  it('splits on the first tab only', () => {
    const { key, value } = splitKeyValue(Buffer.from('user-1\tGET /\tx'));
    expect([key?.toString(), value.toString()]).toEqual(['user-1', 'GET /\tx']);
    expect(splitKeyValue(Buffer.from('no tab')).key).toBeNull();
  });
});
