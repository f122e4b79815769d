import { Alert } from '@/components/ui/alert';
import { ApiRequestError } from '@/lib/api/fetch';
import { OVERVIEW_REFRESH_MS } from '@/lib/api/clusters';

const TITLES: Record<string, (cluster: string) => string> = {
  KAFKA_AUTH_FAILED: (cluster) => `Kafka refused the dashboard’s credentials for “${cluster}”`,
  KAFKA_TLS_FAILED: (cluster) => `TLS with cluster “${cluster}” failed`,
  CLUSTER_CONFIG_INVALID: (cluster) => `Cluster “${cluster}” is misconfigured`,
};

/** The state shown when the API cannot reach the cluster, or the cluster refuses its credentials. */
export function ClusterUnreachable({ cluster, error }: { cluster: string; error: unknown }) {
  const requestError = error instanceof ApiRequestError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  const title =
    (requestError && TITLES[requestError.code]?.(cluster)) ??
    (requestError && (requestError.status === 503 || requestError.status === 0) ? `Cannot reach cluster “${cluster}”` : `Failed to load cluster “${cluster}”`);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      <p className="mt-1 text-red-800/80">Retrying every {OVERVIEW_REFRESH_MS / 1000} s; this page recovers by itself.</p>
    </Alert>
  );
}
