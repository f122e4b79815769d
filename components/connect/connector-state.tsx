import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<string, BadgeTone> = { RUNNING: 'ok', PAUSED: 'warn', STOPPED: 'neutral', FAILED: 'danger', UNASSIGNED: 'info', RESTARTING: 'info' };

/** A connector's or task's state as Connect names it. */
export function ConnectorState({ state }: { state: string }) {
  return <Badge tone={TONES[state] ?? 'neutral'}>{state}</Badge>;
}
