/**
 * The Confluent wire format, as Confluent's serializers (and Apicurio's ccompat ones) frame a key or
 * value: magic byte 0, the schema id as a 4-byte big-endian integer, then the serialized payload;
 * Protobuf payloads start with the message-index list. Pure.
 */

export interface Frame {
  schemaId: number;
  /** Everything after the 5-byte header. */
  payload: Uint8Array;
}

/** The frame's schema id and payload, or null when the bytes are not registry-framed. */
export function parseFrame(bytes: Uint8Array | null): Frame | null {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return null;
  const schemaId = ((bytes[1] << 24) >>> 0) + (bytes[2] << 16) + (bytes[3] << 8) + bytes[4];
  // Ids are positive 32-bit integers: a negative one is not a frame but bytes that happen to start with 0.
  if (schemaId === 0 || schemaId > 0x7fffffff) return null;
  return { schemaId, payload: bytes.subarray(5) };
}

/** A zigzag-encoded signed varint (Kafka's ByteUtils.readVarint), with the position after it. */
function readZigzagVarint(bytes: Uint8Array, start: number): { value: number; next: number } {
  let result = 0;
  let shift = 0;
  for (let i = start; i < bytes.length && shift < 35; i++, shift += 7) {
    result |= (bytes[i] & 0x7f) << shift;
    if ((bytes[i] & 0x80) === 0) return { value: (result >>> 1) ^ -(result & 1), next: i + 1 };
  }
  throw new Error('the message-index list is cut short');
}

/**
 * The message-index list at the start of a Protobuf payload: which message type of the schema the
 * record is ([0] is the first top-level message; [2, 1] the second type nested in the third). A list
 * of one 0 is written as a single byte 0, as Confluent's serializer does.
 */
export function readMessageIndexes(payload: Uint8Array): { indexes: number[]; message: Uint8Array } {
  const count = readZigzagVarint(payload, 0);
  if (count.value === 0) return { indexes: [0], message: payload.subarray(count.next) };
  if (count.value < 0 || count.value > 100) throw new Error(`a message-index list of ${count.value} entries is not valid`);
  const indexes: number[] = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const index = readZigzagVarint(payload, at);
    if (index.value < 0) throw new Error('a negative message index is not valid');
    indexes.push(index.value);
    at = index.next;
  }
  return { indexes, message: payload.subarray(at) };
}

/** The message-index list as Confluent's serializer writes it (for tests and producing). */
export function writeMessageIndexes(indexes: number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const out: number[] = [];
  for (const n of [indexes.length, ...indexes]) {
    let v = ((n << 1) ^ (n >> 31)) >>> 0;
    while (v > 0x7f) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}
