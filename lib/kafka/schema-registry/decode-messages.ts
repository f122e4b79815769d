import 'server-only';
import type { DecodeMode, Encoding, WireMessage } from '@/lib/types/messages';
import { decodeField, type DecodedField } from './decode';

/** The stored bytes back from how the stream carries them (text is only ever valid UTF-8). */
const bytesOf = (data: string, encoding: Encoding) => (encoding === 'base64' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));

function apply(message: WireMessage, side: 'key' | 'value', decoded: DecodedField) {
  message[side] = decoded.data;
  message.encoding = { ...message.encoding, [side]: decoded.base64 ? 'base64' : 'utf8' };
  if (decoded.format) message.format = { ...message.format, [side]: decoded.format };
  if (decoded.schemaId !== undefined) message.schemaId = { ...message.schemaId, [side]: decoded.schemaId };
  if (decoded.schema) message.schema = { ...message.schema, [side]: decoded.schema };
  if (decoded.note) message.decodeNote = { ...message.decodeNote, [side]: decoded.note };
}

/**
 * Decodes a batch of the tail's messages as `decode=` asks, in place: registry-framed keys and values
 * with their schema (auto, or a chosen format), or as text/JSON/hex/base64. Each schema is fetched
 * once however many messages use it; failures become hex with a note, never an error.
 */
export async function decodeMessages(cluster: string, messages: WireMessage[], mode: DecodeMode): Promise<WireMessage[]> {
  // Chosen first, without a promise per field: on a text firehose (the common case) nothing is left to do.
  const work: { message: WireMessage; side: 'key' | 'value'; data: string }[] = [];
  for (const message of messages) {
    for (const side of ['key', 'value'] as const) {
      const data = message[side];
      // Only bytes starting with 0 can be framed, and those always travel as base64: text skips the work.
      if (data !== null && !(mode === 'auto' && message.encoding[side] === 'utf8')) work.push({ message, side, data });
    }
  }
  if (!work.length) return messages;
  await Promise.all(
    work.map(async ({ message, side, data }) => {
      const decoded = await decodeField(cluster, bytesOf(data, message.encoding[side]), mode);
      if (decoded) apply(message, side, decoded);
    }),
  );
  return messages;
}
