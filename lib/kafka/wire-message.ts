// No 'server-only' here: the tail's worker thread (tail-encode.ts) maps records with this too, and a
// worker bundle has no React server condition. It is still only imported by server code.
import { encodeBytes } from '@/lib/message-encoding';
import type { WireHeader, WireMessage } from '@/lib/types/messages';
import type { RawRecord } from './protocol';

/** Values above this are cut in the stream; the whole value is one click away (…/messages/raw). */
export const VALUE_PREVIEW_BYTES = 64 * 1024;

/** A message as it travels to the browser; `withText` adds the plain text a filter is matched against. */
export function toWire(
  partition: number,
  record: RawRecord,
  withText: boolean,
  transaction?: { aborted: boolean; pending: boolean },
): { message: WireMessage; text: { key: string; value: string; headers: string } | null } {
  const key = encodeBytes(record.key);
  const value = encodeBytes(record.value, VALUE_PREVIEW_BYTES);
  let headerBytes = 0;
  const headers = record.headers.map((h): WireHeader => {
    const encoded = encodeBytes(h.value);
    headerBytes += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
    return { key: h.key, value: encoded.data, encoding: encoded.encoding };
  });
  const valueSize = record.value?.length ?? 0;
  return {
    message: {
      partition,
      offset: Number(record.offset),
      timestamp: Number(record.timestamp),
      timestampType: record.timestampType,
      key: key.data,
      value: value.data,
      headers,
      size: (record.key?.length ?? 0) + valueSize + headerBytes,
      valueSize,
      truncated: value.truncated,
      encoding: { key: key.encoding, value: value.encoding },
      ...(transaction?.aborted ? { aborted: true } : {}),
      ...(transaction?.pending ? { pending: true } : {}),
    },
    text: !withText
      ? null
      : {
          key: record.key?.toString('utf8') ?? '',
          value: record.value?.subarray(0, VALUE_PREVIEW_BYTES).toString('utf8') ?? '',
          headers: headers.map((h) => `${h.key}=${h.value ?? ''}`).join('\n'),
        },
  };
}
