import type { Encoding } from '@/lib/types/messages';

/** How message bytes travel as JSON: UTF-8 text when they are text, base64 otherwise. Pure. */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Whether the bytes hold NUL or another C0 control bar tab, LF and CR: their presence means binary.
 * In UTF-8 those characters are these single bytes and nothing else (a multi-byte character's bytes
 * are all 0x80 or above), so the bytes tell it before any decoding.
 */
function hasControl(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== TAB && b !== LF && b !== CR) return true;
  }
  return false;
}

/**
 * The bytes as a string if they are valid UTF-8 without control characters, else null. Controls
 * first: most binary (every registry-framed value, which starts with a zero byte) has one, and a
 * failed decode throws, which cost a tail 12 µs a value (a third of an Avro tail's time).
 */
function asText(bytes: Uint8Array): string | null {
  if (hasControl(bytes)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Text if the bytes are valid UTF-8 without NUL or other C0 controls (bar tab, CR, LF). */
export function looksLikeText(bytes: Uint8Array): boolean {
  return asText(bytes) !== null;
}

export function encodeBytes(bytes: Buffer | null, limit = Infinity): { data: string | null; encoding: Encoding; truncated: boolean } {
  if (bytes === null) return { data: null, encoding: 'utf8', truncated: false };
  const truncated = bytes.length > limit;
  const slice = truncated ? bytes.subarray(0, limit) : bytes;
  const text = truncated ? textPrefix(slice) : asText(slice);
  if (text !== null) return { data: text, encoding: 'utf8', truncated };
  return { data: slice.toString('base64'), encoding: 'base64', truncated };
}

/** A cut may split a multi-byte character: accept an incomplete last sequence. */
function textPrefix(bytes: Buffer): string | null {
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    const text = asText(bytes.subarray(0, bytes.length - cut));
    if (text !== null) return text;
  }
  return null;
}

/** base64 → bytes, in the browser or on the server. */
export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type ValueMode = 'auto' | 'text' | 'json' | 'hex' | 'base64';

function toBytes(data: string, encoding: Encoding): Uint8Array {
  return encoding === 'base64' ? base64ToBytes(data) : new TextEncoder().encode(data);
}

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');
const SPACE = 0x20;
const ascii = new TextDecoder();

/**
 * Lower-case hex with a space between bytes ("de ad be ef"), as the page shows binary and the
 * stream sends `decode=hex`: written byte by byte (a regex over the hex took a tail 15 µs a value).
 */
export function spacedHex(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  const out = new Uint8Array(3 * bytes.length - 1);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (i) out[o++] = SPACE;
    out[o++] = HEX_DIGITS[bytes[i] >> 4];
    out[o++] = HEX_DIGITS[bytes[i] & 15];
  }
  return ascii.decode(out);
}

const hex = spacedHex;
const base64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

/**
 * A value as the chosen mode shows it. auto: pretty JSON when it parses, text when it is text,
 * hex otherwise. Always plain text: components render it as text, never as HTML.
 */
export function renderValue(data: string | null, encoding: Encoding, mode: ValueMode): { text: string; as: Exclude<ValueMode, 'auto'> } {
  if (data === null) return { text: 'null', as: 'text' };
  if (mode === 'hex') return { text: hex(toBytes(data, encoding)), as: 'hex' };
  if (mode === 'base64') return { text: encoding === 'base64' ? data : base64(toBytes(data, encoding)), as: 'base64' };
  const text = encoding === 'utf8' ? data : null;
  if (mode === 'json' || mode === 'auto') {
    if (text !== null) {
      try {
        return { text: JSON.stringify(JSON.parse(text), null, 2), as: 'json' };
      } catch {
        if (mode === 'json') return { text: `(not valid JSON) ${text}`, as: 'text' };
      }
    }
    if (mode === 'auto') return text !== null ? { text, as: 'text' } : { text: hex(toBytes(data, encoding)), as: 'hex' };
  }
  return { text: text ?? new TextDecoder().decode(toBytes(data, encoding)), as: 'text' };
}
