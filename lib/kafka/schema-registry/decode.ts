import 'server-only';
import type { SchemaRegistryConfig } from '@/lib/config';
import type { DecodeMode, SchemaRef } from '@/lib/types/messages';
import { clusterConfig } from '../clients';
import { fetchResolvedSchema, RegistryUnavailableError, subjectOf } from './client';
import { compileDecoder, FORMAT_OF, type CompiledDecoder, type SchemaFormat } from './decoders';
import { asHex, decodePlain, isPlainMode, type DecodedField } from './decode-plain';
import { parseFrame, type Frame } from './wire-format';

/** Compiled schemas kept per cluster; the least recently used go first. */
const MAX_CACHED_SCHEMAS = 500;
/** After a failed request the registry is taken as down for this long: a tail does not wait on it per message. */
const DOWN_FOR_MS = 5000;
/** A schema id the registry does not know is asked again after this long (it may be registered later). */
const NOT_FOUND_FOR_MS = 30_000;

type Lookup = { ok: true; decoder: CompiledDecoder; schema: SchemaRef } | { ok: false; note: string; until: number };

interface ClusterCache {
  config: SchemaRegistryConfig;
  schemas: Map<number, Promise<Lookup>>;
  /** The lookups of `schemas` that have settled, for decoding without a promise (decodeFieldNow). */
  settled: Map<number, Lookup>;
  downUntil: number;
  downNote: string;
}

const caches = new Map<string, ClusterCache>();

export type WireDecodeResult =
  | { ok: true; text: string; format: SchemaFormat; schemaId: number; subject?: string; version?: number }
  | { ok: false; reason: 'not-framed' }
  | { ok: false; reason: 'no-registry' | 'not-found' | 'unavailable' | 'undecodable'; schemaId: number; note: string };

function cacheFor(cluster: string): ClusterCache | null {
  const config = clusterConfig(cluster).schemaRegistry;
  if (!config) return null;
  let cache = caches.get(cluster);
  if (!cache || cache.config !== config) {
    cache = { config, schemas: new Map(), settled: new Map(), downUntil: 0, downNote: '' };
    caches.set(cluster, cache);
  }
  return cache;
}

async function lookup(cache: ClusterCache, id: number): Promise<Lookup> {
  try {
    const [schema, ref] = await Promise.all([fetchResolvedSchema(cache.config, id), subjectOf(cache.config, id)]);
    try {
      return { ok: true, decoder: compileDecoder(schema), schema: ref ?? {} };
    } catch (error) {
      return { ok: false, note: `schema ${id} cannot be read: ${(error as Error).message}`, until: Infinity };
    }
  } catch (error) {
    if (error instanceof RegistryUnavailableError) {
      cache.downUntil = Date.now() + DOWN_FOR_MS;
      cache.downNote = `schema registry unavailable: ${error.message}`;
      return { ok: false, note: cache.downNote, until: 0 };
    }
    return { ok: false, note: `schema ${id} not found in the schema registry`, until: Date.now() + NOT_FOUND_FOR_MS };
  }
}

/** Marks schema `id` as the most recently used: re-inserted, it is the last the cache drops. */
function touch(cache: ClusterCache, id: number, cached: Promise<Lookup>) {
  cache.schemas.delete(id);
  cache.schemas.set(id, cached);
}

/** The compiled schema `id`, from the cache or the registry; never throws. */
async function schemaFor(cache: ClusterCache, id: number): Promise<Lookup> {
  if (Date.now() < cache.downUntil) return { ok: false, note: cache.downNote, until: 0 };
  const cached = cache.schemas.get(id);
  if (cached) {
    const result = await cached;
    if (result.ok || result.until > Date.now()) {
      touch(cache, id, cached);
      return result;
    }
  }
  const pending = lookup(cache, id);
  cache.schemas.set(id, pending);
  cache.settled.delete(id);
  void pending.then((result) => cache.schemas.get(id) === pending && cache.settled.set(id, result));
  if (cache.schemas.size > MAX_CACHED_SCHEMAS) {
    const oldest = cache.schemas.keys().next().value!;
    cache.schemas.delete(oldest);
    cache.settled.delete(oldest);
  }
  return pending;
}

/** The compiled schema `id` if it is at hand (as schemaFor would answer it), else undefined. */
function schemaNow(cache: ClusterCache, id: number): Lookup | undefined {
  if (Date.now() < cache.downUntil) return { ok: false, note: cache.downNote, until: 0 };
  const result = cache.settled.get(id);
  if (!result || !(result.ok || result.until > Date.now())) return undefined;
  touch(cache, id, cache.schemas.get(id)!);
  return result;
}

/** What decoding `bytes` needs: an answer already (not framed, no registry), or the frame's schema from `cache`. */
function begin(cluster: string, bytes: Uint8Array | null): { done: WireDecodeResult } | { frame: Frame; cache: ClusterCache } {
  const frame = parseFrame(bytes);
  if (!frame) return { done: { ok: false, reason: 'not-framed' } };
  const cache = cacheFor(cluster);
  if (!cache)
    return {
      done: {
        ok: false,
        reason: 'no-registry',
        schemaId: frame.schemaId,
        note: `registry-framed (schema ${frame.schemaId}), but no schema registry is configured for this cluster`,
      },
    };
  return { frame, cache };
}

function decodeWith(frame: Frame, found: Lookup): WireDecodeResult {
  const { schemaId } = frame;
  if (!found.ok) {
    const reason = found.note.startsWith('schema registry unavailable') ? 'unavailable' : found.note.includes('not found') ? 'not-found' : 'undecodable';
    return { ok: false, reason, schemaId, note: found.note };
  }
  try {
    return { ok: true, text: found.decoder.decode(frame.payload), format: found.decoder.format, schemaId, ...found.schema };
  } catch (error) {
    return {
      ok: false,
      reason: 'undecodable',
      schemaId,
      note: `does not decode with schema ${schemaId} (${found.decoder.format}): ${(error as Error).message}`,
    };
  }
}

/**
 * Decodes registry-framed bytes (Confluent wire format) of a cluster's topic with its registry's
 * schema. Never throws: bytes that are not framed, a cluster without a registry, an unknown schema,
 * a registry that is down or a payload that does not match come back as a result saying so.
 */
export async function decodeWireFormat(cluster: string, bytes: Uint8Array | null): Promise<WireDecodeResult> {
  const started = begin(cluster, bytes);
  if ('done' in started) return started.done;
  return decodeWith(started.frame, await schemaFor(started.cache, started.frame.schemaId));
}

/** As decodeWireFormat, without a promise: undefined when the schema is not at hand yet. */
function decodeWireFormatNow(cluster: string, bytes: Uint8Array | null): WireDecodeResult | undefined {
  const started = begin(cluster, bytes);
  if ('done' in started) return started.done;
  const found = schemaNow(started.cache, started.frame.schemaId);
  return found && decodeWith(started.frame, found);
}

/** Re-exported so the stream can name formats without importing the decoders. */
export { FORMAT_OF };

export type { DecodedField };

/** A key or value as `mode` asks from what decoding its bytes gave. */
function fieldOf(result: WireDecodeResult, bytes: Uint8Array, mode: DecodeMode): DecodedField | null {
  if (!result.ok && result.reason === 'not-framed') return mode === 'auto' ? null : asHex(bytes, `not registry-framed: cannot decode as ${mode}`);
  if (!result.ok) return asHex(bytes, result.note, result.schemaId);
  if (mode !== 'auto' && mode !== result.format) return asHex(bytes, `schema ${result.schemaId} is ${result.format}, not ${mode}`, result.schemaId);
  const schema = result.subject !== undefined ? { subject: result.subject, version: result.version } : undefined;
  return { data: result.text, base64: false, format: result.format, schemaId: result.schemaId, schema };
}

/** One key or value as `mode` asks; `bytes` null for a null key or value (left as it is). */
export async function decodeField(cluster: string, bytes: Uint8Array, mode: DecodeMode): Promise<DecodedField | null> {
  if (isPlainMode(mode)) return decodePlain(bytes, mode);
  return fieldOf(await decodeWireFormat(cluster, bytes), bytes, mode);
}

/**
 * As decodeField without a promise, when no registry request is needed (the schema is at hand):
 * undefined otherwise. A tail decodes most fields this way (a promise per field cost it a third).
 */
export function decodeFieldNow(cluster: string, bytes: Uint8Array, mode: DecodeMode): DecodedField | null | undefined {
  if (isPlainMode(mode)) return decodePlain(bytes, mode);
  const result = decodeWireFormatNow(cluster, bytes);
  return result && fieldOf(result, bytes, mode);
}
