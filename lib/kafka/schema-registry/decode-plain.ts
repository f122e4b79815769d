/**
 * The decode= modes that need no registry (text, json, hex, base64), and how a decoded key or value
 * goes into a stream message. Pure, no 'server-only': the tail's worker threads decode with it
 * (tail-encode.ts) as the request thread does (decode-messages.ts), so both send the same bytes.
 */
import { spacedHex } from '@/lib/message-encoding';
import type { DecodeMode, Encoding, MessageFormat, SchemaRef, WireMessage } from '@/lib/types/messages';

export interface DecodedField {
  data: string | null;
  base64: boolean;
  format?: MessageFormat;
  schemaId?: number;
  schema?: SchemaRef;
  note?: string;
}

export type PlainMode = 'text' | 'json' | 'hex' | 'base64';

export const isPlainMode = (mode: DecodeMode): mode is PlainMode => mode === 'text' || mode === 'json' || mode === 'hex' || mode === 'base64';

/** The bytes as spaced hex, with why they are not shown decoded. */
export const asHex = (bytes: Uint8Array, note?: string, schemaId?: number): DecodedField => ({
  data: spacedHex(bytes),
  base64: false,
  format: 'hex',
  schemaId,
  note,
});

/** One key or value as a mode without a registry asks. */
export function decodePlain(bytes: Uint8Array, mode: PlainMode): DecodedField {
  switch (mode) {
    case 'hex':
      return asHex(bytes);
    case 'base64':
      return { data: Buffer.from(bytes).toString('base64'), base64: true, format: 'base64' };
    case 'text':
      return { data: Buffer.from(bytes).toString('utf8'), base64: false, format: 'text' };
    case 'json': {
      const text = Buffer.from(bytes).toString('utf8');
      try {
        JSON.parse(text);
        return { data: text, base64: false, format: 'json' };
      } catch {
        return asHex(bytes, 'not valid JSON');
      }
    }
  }
}

/** The stored bytes back from how the stream carries them (text is only ever valid UTF-8). */
export const bytesOf = (data: string, encoding: Encoding) => (encoding === 'base64' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));

/** Puts a decoded key or value into the message, with its format, schema and note. */
export function applyDecoded(message: WireMessage, side: 'key' | 'value', decoded: DecodedField) {
  message[side] = decoded.data;
  message.encoding = { ...message.encoding, [side]: decoded.base64 ? 'base64' : 'utf8' };
  if (decoded.format) message.format = { ...message.format, [side]: decoded.format };
  if (decoded.schemaId !== undefined) message.schemaId = { ...message.schemaId, [side]: decoded.schemaId };
  if (decoded.schema) message.schema = { ...message.schema, [side]: decoded.schema };
  if (decoded.note) message.decodeNote = { ...message.decodeNote, [side]: decoded.note };
}

/** The message's key and value (those not null) decoded as `mode` asks, in place. */
export function decodePlainMessage(message: WireMessage, mode: PlainMode): WireMessage {
  for (const side of ['key', 'value'] as const) {
    const data = message[side];
    if (data !== null) applyDecoded(message, side, decodePlain(bytesOf(data, message.encoding[side]), mode));
  }
  return message;
}
