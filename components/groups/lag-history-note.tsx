import { Alert } from '@/components/ui/alert';
import type { LagHistoryStatus } from '@/lib/types/groups';

/**
 * Said when the lag history could not be shared through Kafka (the cluster refused the history
 * topic): this dashboard process keeps its own, which another instance or a restart does not see.
 */
export function LagHistoryNote({ status }: { status: LagHistoryStatus | undefined }) {
  if (!status?.note) return null;
  return (
    <Alert tone="warn" title="Lag history is not shared">
      {status.note}. Other dashboard instances keep their own history, and a restart starts it afresh.
    </Alert>
  );
}
