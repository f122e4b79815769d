/**
 * A record's stream JSON written straight from its bytes: the same bytes as
 * `JSON.stringify(toWire(partition, record).message)` in UTF-8, without making the key and value
 * JavaScript strings, escaping them (V8's JSON.stringify takes about 5 ns a character of a string with
 * quotes) and encoding them back: a firehose tail spent most of its CPU there. Records this does not
 * handle (headers, values cut at the preview limit, a byte-order mark) go through toWire. Pure; no
 * 'server-only' (the tail's worker thread runs it).
 */
import { isUtf8 } from 'node:buffer';
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
   * transfers it; a slice of Node's shared pool could not be); the writer starts again empty.
   */
  take(): Uint8Array {
    const taken = new Uint8Array(this.length);
    taken.set(this.bytes.subarray(0, this.length));
    this.length = 0;
    return taken;
  }
}

/** Writes the bytes as JSON (null, text or base64) and says their encoding. */
function writeBytes(out: JsonBytes, bytes: Buffer | null): 'utf8' | 'base64' {
  if (bytes === null) {
    out.ascii('null');
    return 'utf8';
  }
  if (out.jsonText(bytes)) return 'utf8';
  out.ascii(`"${bytes.toString('base64')}"`);
  return 'base64';
}

const VALUE_FIELD = ',"value":';

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
  out.ascii(`{"partition":${partition},"offset":${record.offset},"timestamp":${record.timestamp},"timestampType":"${record.timestampType}","key":`);
  const keyEncoding = writeBytes(out, key);
  out.ascii(VALUE_FIELD);
  const valueEncoding = writeBytes(out, value);
  out.ascii(
    `,"headers":[],"size":${(key?.length ?? 0) + valueSize},"valueSize":${valueSize},"truncated":false,"encoding":{"key":"${keyEncoding}","value":"${valueEncoding}"}}`,
  );
}
