/**
 * A tail's message filter and its predicate. Pure, and apart from tail-params.ts so the tail's
 * worker thread (lib/kafka/tail-encoder.worker.ts) does not load zod with it.
 */
import { compileUserRegex } from './user-regex';

export interface MessageFilter {
  pattern: string;
  mode: 'substring' | 'regex';
  on: 'any' | 'key' | 'value' | 'headers';
}

/** A predicate over decoded key, value and headers text; regular expressions run in RE2 (linear time). */
export function messageMatcher(filter: MessageFilter | null): (parts: { key: string; value: string; headers: string }) => boolean {
  if (!filter) return () => true;
  const compiled = filter.mode === 'regex' ? compileUserRegex(filter.pattern) : null;
  if (compiled && !compiled.ok) throw new Error(compiled.problem); // parseTailParams refused it already
  const test = compiled?.ok ? compiled.test : (s: string) => s.includes(filter.pattern);
  return ({ key, value, headers }) =>
    filter.on === 'key' ? test(key) : filter.on === 'value' ? test(value) : filter.on === 'headers' ? test(headers) : test(key) || test(value) || test(headers);
}
