import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { LagStatus } from '@/lib/types/groups';

const TONES: Record<LagStatus, BadgeTone> = {
  ok: 'ok',
  lagging: 'warn',
  stalled: 'danger',
  'no-consumer': 'warn',
  stopped: 'danger',
  reset: 'info',
  unknown: 'neutral',
};
const LABELS: Record<LagStatus, string> = {
  ok: 'OK',
  lagging: 'Lagging',
  stalled: 'Stalled',
  'no-consumer': 'No consumer',
  stopped: 'Stopped',
  reset: 'Reset',
  unknown: 'No offsets',
};

export function StatusBadge({ status, reason }: { status: LagStatus; reason: string }) {
  return (
    <Badge tone={TONES[status]} title={reason}>
      {LABELS[status]}
    </Badge>
  );
}

export function StateBadge({ state }: { state: string }) {
  const tone: BadgeTone = state === 'Stable' ? 'ok' : state === 'Empty' ? 'neutral' : state === 'Dead' ? 'danger' : 'warn';
  return <Badge tone={tone}>{state}</Badge>;
}
