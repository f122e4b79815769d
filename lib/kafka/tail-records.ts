import 'server-only';
import type { WireMessage } from '@/lib/types/messages';
import type { RawRecord } from './protocol';
import type { TransactionReader } from './transaction-reader';
import { toWire } from './wire-message';

type Matcher = (text: { key: string; value: string; headers: string }) => boolean;

/**
 * What a reader (tail-follow.ts, tail-page.ts) does with one fetched record: `hidden` for what is
 * not a message to this reader (a transaction marker, an aborted record under read_committed),
 * `filtered` for a message the filter leaves out (it still counts as scanned), else `shown`.
 * Synchronous: the caller loads a range's aborted transactions first when `needsAborted` says so.
 */
export type RecordOutcome = { kind: 'hidden' } | { kind: 'filtered' } | { kind: 'shown'; message: WireMessage };

export function recordOutcome(partition: number, record: RawRecord, transactions: TransactionReader, matches: Matcher | null): RecordOutcome {
  const verdict = transactions.judge(partition, record);
  if (!verdict.show) return { kind: 'hidden' };
  const { message, text } = toWire(partition, record, matches !== null, verdict);
  return text && !matches!(text) ? { kind: 'filtered' } : { kind: 'shown', message };
}
