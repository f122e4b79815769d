import { describe, expect, it } from 'vitest';
import { encodeBytes, looksLikeText, renderValue, spacedHex } from './message-encoding';

describe('encodeBytes', () => {
  it('keeps UTF-8 text as text, binary as base64', () => {
    expect(encodeBytes(Buffer.from('héllo\tworld\n'))).toEqual({ data: 'héllo\tworld\n', encoding: 'utf8', truncated: false });
    expect(encodeBytes(Buffer.from([0x00, 0xff, 0x10]))).toEqual({ data: 'AP8Q', encoding: 'base64', truncated: false });
    expect(encodeBytes(null)).toEqual({ data: null, encoding: 'utf8', truncated: false });
  });

  it('treats invalid UTF-8 and control bytes as binary', () => {
    expect(looksLikeText(Buffer.from([0xc3, 0x28]))).toBe(false);
    expect(looksLikeText(Buffer.from('a\u0000b'))).toBe(false);
  });

  it('tells text from binary exactly as decoding then looking for controls does, for every byte and mixes of them', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const reference = (bytes: Uint8Array) => {
      try {
        const text = decoder.decode(bytes);
        return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) ? null : text;
      } catch {
        return null;
      }
    };
    const samples: Buffer[] = [];
    for (let b = 0; b < 256; b++) samples.push(Buffer.from([0x61, b, 0x62]), Buffer.concat([Buffer.from('é€'), Buffer.from([b])]));
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const pieces = ['a', '\t', '\n', '\r', '\u0000', '\u001f', 'é', '€', '𝄞', '\ufeff', '\u007f'].map((t) => Buffer.from(t));
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: next() % 12 }, () => (next() % 10 ? pieces[next() % pieces.length] : Buffer.from([next() % 256])));
      samples.push(Buffer.concat(parts));
    }
    for (const bytes of samples) expect(encodeBytes(bytes).data).toBe(reference(bytes) ?? bytes.toString('base64'));
  });

  it('cuts large values, even inside a multi-byte character', () => {
    const big = Buffer.from('é'.repeat(10)); // 20 bytes
    const cut = encodeBytes(big, 5);
    expect(cut.truncated).toBe(true);
    expect(cut.encoding).toBe('utf8');
    expect(cut.data!.startsWith('éé')).toBe(true);
  });
});

describe('renderValue', () => {
  it('auto pretty-prints JSON, shows text as text and binary as hex', () => {
    expect(renderValue('{"a":1}', 'utf8', 'auto')).toEqual({ text: '{\n  "a": 1\n}', as: 'json' });
    expect(renderValue('plain <b>text</b>', 'utf8', 'auto')).toEqual({ text: 'plain <b>text</b>', as: 'text' });
    expect(renderValue('AP8Q', 'base64', 'auto')).toEqual({ text: '00 ff 10', as: 'hex' });
  });

  it('converts between modes', () => {
    expect(renderValue('hi', 'utf8', 'hex').text).toBe('68 69');
    expect(renderValue('hi', 'utf8', 'base64').text).toBe('aGk=');
    expect(renderValue('aGk=', 'base64', 'text').text).toBe('hi');
    expect(renderValue('nope', 'utf8', 'json').text).toBe('(not valid JSON) nope');
  });
});

describe('spacedHex', () => {
  it('writes lower-case hex with one space between bytes, as a regex over toString("hex") did', () => {
    const regexWay = (b: Buffer) => b.toString('hex').replace(/(..)(?!$)/g, '$1 ');
    let seed = 7;
    for (let length = 0; length < 70; length++) {
      const bytes = Buffer.from(Array.from({ length }, () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256));
      expect(spacedHex(bytes)).toBe(regexWay(bytes));
    }
    expect(spacedHex(Buffer.from([0, 0x0f, 0xf0, 0xff]))).toBe('00 0f f0 ff');
    expect(spacedHex(new Uint8Array(Buffer.from('xxab').buffer, Buffer.from('xxab').byteOffset + 2, 2))).toBe('61 62');
  });
});
