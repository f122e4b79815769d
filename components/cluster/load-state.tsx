import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { ApiRequestError } from '@/lib/api/fetch';
import { ClusterUnreachable } from './cluster-unreachable';

/**
 * What a view shows while it has no data: loading, then "no such …" when the API answered 404
 * (the thing went away while the page was open), else the cluster unreachable (with its retry note).
 * One place for the pattern the topic, group, broker and overview pages each wrote by hand.
 */
export function LoadState({
  cluster,
  isPending,
  error,
  loadingLabel,
  notFound,
}: {
  cluster: string;
  isPending: boolean;
  error: unknown;
  loadingLabel?: string;
  /** Shown for a 404; without `message`, the server's own message. */
  notFound?: { title: string; message?: ReactNode };
}) {
  if (isPending) return <Loading label={loadingLabel} />;
  if (notFound && error instanceof ApiRequestError && error.status === 404) {
    return (
      <Alert tone="warn" title={notFound.title}>
        {notFound.message ?? error.message}
      </Alert>
    );
  }
  return <ClusterUnreachable cluster={cluster} error={error} />;
}
