'use client';

import { useTopicConnectors } from '@/lib/api/connect';
import { ConnectorLink } from './connector-link';
import { ConnectorState } from './connector-state';

/** On a topic's page: the Kafka Connect connectors that read or write it (nothing when there are none). */
export function TopicConnectors({ cluster, topic }: { cluster: string; topic: string }) {
  const { data } = useTopicConnectors(cluster, topic);
  if (!data || (!data.connectors.length && !data.unavailable.length)) return null;
  return (
    <section aria-label="Connectors" className="space-y-1 text-sm">
      <h2 className="font-semibold">Kafka Connect</h2>
      <ul className="space-y-1">
        {data.connectors.map((c) => (
          <li key={`${c.connect}\u0000${c.name}`} className="flex flex-wrap items-center gap-2">
            <span className="text-slate-600">{c.role === 'reads' ? 'Read by sink' : 'Written by source'}</span>
            <ConnectorLink cluster={cluster} connector={c} />
            <ConnectorState state={c.state} />
          </li>
        ))}
        {data.unavailable.map((u) => (
          <li key={u.connect} className="text-amber-800">
            Connect cluster {u.connect} could not be asked: {u.error}
          </li>
        ))}
      </ul>
    </section>
  );
}
