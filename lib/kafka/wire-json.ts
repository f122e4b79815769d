/**
 * A record's stream JSON written straight from its bytes: the same bytes as
 * `JSON.stringify(toWire(partition, record).message)` in UTF-8, without making the key and value
 * JavaScript strings, escaping them (V8's JSON.stringify takes about 5 ns a character of a string with
 * quotes) and encoding them back: a firehose tail spent most of its CPU there. Records this does not
 * handle (headers, values cut at the preview limit, a byte-order mark) go through toWire. Pure; no
 * 'server-only' (the tail's worker thread runs it).
 */
import { isUtf8 } from 'node:buffer';
import type { Encoding } from '@/lib/types/messages';
import type { RawRecord } from './protocol';
import { toWire, VALUE_PREVIEW_BYTES } from './wire-message';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** What follows a backslash where JSON.stringify escapes a byte of text that passed the text check. */
const ESCAPED_TAB = 0x74; // t
const ESCAPED_LF = 0x6e; // n
const ESCAPED_CR = 0x72; // r

/** Text this long or longer is scanned four bytes at a time (a view of it costs an allocation). */
const WORDS_FROM = 16;

/**
 * Whether one of the four bytes in `w` is below 0x20, a quote or a backslash (the bit tricks of
 * "Bit Twiddling Hacks", determine if a word has a byte less than n / equal to n). Exact as to
 * whether, not which: the caller then looks at each byte.
 */
function needsLook(w: number): boolean {
  const quotes = w ^ 0x22222222;
  const backslashes = w ^ 0x5c5c5c5c;
  const below20 = (w - 0x20202020) & ~w;
  return ((below20 | ((quotes - 0x01010101) & ~quotes) | ((backslashes - 0x01010101) & ~backslashes)) & 0x80808080) !== 0;
}

const EMPTY = new Uint8Array(0);
const MINUS = 0x2d;
const ZERO = 0x30;
/** A sign and 16 digits: the longest safe integer. */
const MAX_INT_BYTES = 17;

/** ASCII text as little-endian words, for JsonBytes.raw; the last word padded. */
export interface JsonConstant {
  words: Uint32Array;
  length: number;
}

export function constant(text: string): JsonConstant {
  const words = new Uint32Array(Math.ceil(text.length / 4));
  const bytes = new Uint8Array(words.buffer);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return { words, length: text.length };
}

/** `value` (0 ≤ value < 10^8) in decimal at `o`, zero-padded to at least `width` digits; returns the end. */
function writeDigits(out: Buffer, o: number, value: number, width: number): number {
  let digits = 1;
  for (let p = 10; p <= value; p *= 10) digits++;
  const end = o + Math.max(digits, width);
  let v = value | 0;
  for (let i = end - 1; i >= o; i--) {
    const q = (v / 10) | 0;
    out[i] = ZERO + v - q * 10;
    v = q;
  }
  return end;
}

const newBytes = (size: number): Uint8Array => new Uint8Array(size);

/** A growing byte buffer, emptied by take(). */
export class JsonBytes {
  private bytes: Buffer;
  /** `bytes` seen four at a time. */
  private words: DataView;
  length = 0;

  constructor(capacity = 64 * 1024) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
    this.words = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }

  private room(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.bytes.length, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
    this.words = new DataView(grown.buffer, grown.byteOffset, grown.length);
  }

  byte(b: number) {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** Characters below U+0080 only (numbers, names, base64). */
  ascii(text: string) {
    this.room(text.length);
    this.length += this.bytes.write(text, this.length, 'latin1');
  }

  /** A constant's bytes (see `constant`), copied a word at a time: a byte loop or a native copy costs twice as much. */
  raw(constant: JsonConstant) {
    const { words, length } = constant;
    this.room(4 * words.length);
    const out = this.words;
    let o = this.length;
    for (let i = 0; i < words.length; i++, o += 4) out.setUint32(o, words[i], true);
    this.length += length; // the last word's padding is written over next
  }

  /**
   * A safe integer (offset, timestamp, size) in decimal, as JSON.stringify writes it, from two halves
   * below 10^8 each: V8 divides int32s far faster than doubles (and a string per number costs more).
   */
  int(n: number) {
    this.room(MAX_INT_BYTES);
    const out = this.bytes;
    let o = this.length;
    if (n < 0) {
      out[o++] = MINUS;
      n = -n;
    }
    const high = n >= 1e8 ? Math.floor(n / 1e8) : 0;
    const low = n - high * 1e8;
    if (high === 0) {
      o = writeDigits(out, o, low, 1);
    } else {
      o = writeDigits(out, o, high, 1);
      o = writeDigits(out, o, low, 8);
    }
    this.length = o;
  }

  text(text: string) {
    this.room(3 * text.length);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /**
   * `bytes` as a JSON string if they are text by message-encoding.ts's rule (valid UTF-8 without C0
   * controls bar tab, LF and CR), else false, with nothing written. One pass, escaping as it goes:
   * four bytes at a time while none of them is below 0x20, a quote or a backslash (a word test
   * instead of four byte tests: most of a log line), byte by byte around the ones that are. A copy
   * per clean run instead (a native call each) was slower on values with many quotes.
   */
  jsonText(bytes: Buffer): boolean {
    if (!isUtf8(bytes)) return false;
    const n = bytes.length;
    this.room(2 * n + 2);
    const out = this.bytes;
    const outWords = this.words;
    const words = n >= WORDS_FROM ? new DataView(bytes.buffer, bytes.byteOffset, n) : null;
    let o = this.length;
    out[o++] = QUOTE;
    let i = 0;
    while (i < n) {
      if (words !== null && i + 4 <= n) {
        const w = words.getUint32(i, true);
        if (!needsLook(w)) {
          outWords.setUint32(o, w, true);
          i += 4;
          o += 4;
          continue;
        }
      }
      const b = bytes[i++];
      if (b >= 0x20 && b !== QUOTE && b !== BACKSLASH) {
        out[o++] = b;
        continue;
      }
      const escaped = b === QUOTE || b === BACKSLASH ? b : b === TAB ? ESCAPED_TAB : b === LF ? ESCAPED_LF : b === CR ? ESCAPED_CR : -1;
      if (escaped < 0) return false; // binary: this.length is unchanged
      out[o++] = BACKSLASH;
      out[o++] = escaped;
    }
    out[o++] = QUOTE;
    this.length = o;
    return true;
  }

  /**
   * The bytes written, in an ArrayBuffer of their own and exactly their size (a worker thread
   * transfers it; a slice of Node's shared pool could not be), between `before` and `after` when
   * given: `bytes` is then a view of the written part, `whole` all of it. The writer starts again empty.
   */
  take(before: Uint8Array = EMPTY, after: Uint8Array = EMPTY, allocate = newBytes): { bytes: Uint8Array; whole: Uint8Array } {
    const whole = allocate(before.length + this.length + after.length);
    whole.set(before);
    whole.set(this.bytes.subarray(0, this.length), before.length);
    whole.set(after, before.length + this.length);
    const bytes = whole.subarray(before.length, before.length + this.length);
    this.length = 0;
    return { bytes, whole };
  }
}

/** Writes the bytes as JSON (null, text or base64) and says their encoding. */
function writeBytes(out: JsonBytes, bytes: Buffer | null): Encoding {
  if (bytes === null) {
    out.raw(NULL);
    return 'utf8';
  }
  if (out.jsonText(bytes)) return 'utf8';
  out.ascii(`"${bytes.toString('base64')}"`);
  return 'base64';
}

const PARTITION_FIELD = constant('{"partition":');
const OFFSET_FIELD = constant(',"offset":');
const TIMESTAMP_FIELD = constant(',"timestamp":');
const TYPE_AND_KEY_FIELDS = {
  CreateTime: constant(',"timestampType":"CreateTime","key":'),
  LogAppendTime: constant(',"timestampType":"LogAppendTime","key":'),
};
const NULL = constant('null');
const VALUE_FIELD = constant(',"value":');
const SIZE_FIELD = constant(',"headers":[],"size":');
const VALUE_SIZE_FIELD = constant(',"valueSize":');
const ending = (key: Encoding, value: Encoding) => constant(`,"truncated":false,"encoding":{"key":"${key}","value":"${value}"}}`);
/** The fields after the sizes, by the key's and the value's encoding. */
const ENDINGS = {
  utf8: { utf8: ending('utf8', 'utf8'), base64: ending('utf8', 'base64') },
  base64: { utf8: ending('base64', 'utf8'), base64: ending('base64', 'base64') },
};

/** TextDecoder drops a leading byte-order mark, which a copy would keep. */
const startsWithBom = (bytes: Buffer | null) => bytes !== null && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Appends the record's stream JSON (not transactional: tail-encode.ts leaves those to the main thread). */
export function writeWireJson(out: JsonBytes, partition: number, record: RawRecord): void {
  const { key, value } = record;
  if (record.headers.length || (value && value.length > VALUE_PREVIEW_BYTES) || startsWithBom(key) || startsWithBom(value)) {
    out.text(JSON.stringify(toWire(partition, record, false).message));
    return;
  }
  const valueSize = value?.length ?? 0;
  out.raw(PARTITION_FIELD);
  out.int(partition);
  out.raw(OFFSET_FIELD);
  out.int(record.offset);
  out.raw(TIMESTAMP_FIELD);
  out.int(record.timestamp);
  out.raw(TYPE_AND_KEY_FIELDS[record.timestampType]);
  const keyEncoding = writeBytes(out, key);
  out.raw(VALUE_FIELD);
  const valueEncoding = writeBytes(out, value);
  out.raw(SIZE_FIELD);
  out.int((key?.length ?? 0) + valueSize);
  out.raw(VALUE_SIZE_FIELD);
  out.int(valueSize);
  out.raw(ENDINGS[keyEncoding][valueEncoding]);
}
