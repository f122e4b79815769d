'use client';

import { useSinkGroups } from '@/lib/api/connect';
import { ConnectorLink } from './connector-link';

/**
 * Beside a consumer group (its page or its row in the list): the sink connector whose tasks commit in it,
 * linked. Nothing for other groups; the sink-groups query is shared, so a list of groups costs one request.
 */
export function SinkGroupConnector({ cluster, groupId, compact = false }: { cluster: string; groupId: string; compact?: boolean }) {
  const { data } = useSinkGroups(cluster);
  const owners = data?.groups.filter((g) => g.groupId === groupId) ?? [];
  if (!owners.length) return null;
  return (
    <span data-testid="sink-connector" title="The sink connector that commits in this group" className={compact ? 'ml-2 text-xs' : 'text-sm'}>
      {compact ? null : <span className="text-slate-600">Consumer group of sink connector </span>}
      {owners.map((o) => (
        <ConnectorLink key={`${o.connect}\u0000${o.name}`} cluster={cluster} connector={o} />
      ))}
    </span>
  );
}
