import 'server-only';
import type { DecodeMode, WireMessage } from '@/lib/types/messages';
import { decodeField, decodeFieldNow } from './decode';
import { applyDecoded, bytesOf, decodePlainMessage, isPlainMode } from './decode-plain';

/**
 * Decodes a batch of the tail's messages as `decode=` asks, in place: registry-framed keys and values
 * with their schema (auto, or a chosen format), or as text/JSON/hex/base64. Each schema is fetched
 * once however many messages use it; failures become hex with a note, never an error.
 */
export async function decodeMessages(cluster: string, messages: WireMessage[], mode: DecodeMode): Promise<WireMessage[]> {
  // No registry: no promise per field (they took a hex tail down to 36,000 msgs/s).
  if (isPlainMode(mode)) return messages.map((message) => decodePlainMessage(message, mode));
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
  // Without a promise where the schema is at hand (nearly always after the first messages); the rest
  // waits for the registry, each schema asked for once.
  const waiting: { message: WireMessage; side: 'key' | 'value'; bytes: Buffer }[] = [];
  for (const { message, side, data } of work) {
    const bytes = bytesOf(data, message.encoding[side]);
    const decoded = decodeFieldNow(cluster, bytes, mode);
    if (decoded === undefined) waiting.push({ message, side, bytes });
    else if (decoded) applyDecoded(message, side, decoded);
  }
  await Promise.all(
    waiting.map(async ({ message, side, bytes }) => {
      const decoded = await decodeField(cluster, bytes, mode);
      if (decoded) applyDecoded(message, side, decoded);
    }),
  );
  return messages;
}
