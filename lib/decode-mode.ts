import { DECODE_MODES, type DecodeMode } from '@/lib/types/messages';

/** The stream's `decode=` parameter: auto when absent, else one of DECODE_MODES, or what is wrong. Pure. */
export function parseDecodeMode(text: string | null): { ok: true; mode: DecodeMode } | { ok: false; problem: string } {
  if (text === null || text === '') return { ok: true, mode: 'auto' };
  const mode = DECODE_MODES.find((m) => m === text);
  return mode ? { ok: true, mode } : { ok: false, problem: `decode must be one of ${DECODE_MODES.join(', ')}` };
}
