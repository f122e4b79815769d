import { Alert } from '@/components/ui/alert';
import { ApiRequestError } from '@/lib/api/fetch';
import { OVERVIEW_REFRESH_MS } from '@/lib/api/clusters';

/** The state shown when the API cannot reach the cluster (or the dashboard server itself). */
export function ClusterUnreachable({ cluster, error }: { cluster: string; error: unknown }) {
  const unreachable = error instanceof ApiRequestError && (error.status === 503 || error.status === 0);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert tone="danger" title={unreachable ? `Cannot reach cluster “${cluster}”` : `Failed to load cluster “${cluster}”`}>
      <p>{message}</p>
      <p className="mt-1 text-red-800/80">Retrying every {OVERVIEW_REFRESH_MS / 1000} s; this page recovers by itself.</p>
    </Alert>
  );
}
