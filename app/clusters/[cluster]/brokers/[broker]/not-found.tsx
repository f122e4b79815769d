'use client';

import { useParams } from 'next/navigation';
import { MissingResource } from '@/components/ui/missing-resource';
import { routeParam } from '@/lib/route-param';

/** Rendered with status 404 when the page finds no such broker (or the id is not a node id). */
export default function BrokerNotFound() {
  const params = useParams<{ cluster: string; broker: string }>();
  const cluster = routeParam(params.cluster);
  const broker = routeParam(params.broker);
  return (
    <MissingResource title="No such broker" backHref={`/clusters/${encodeURIComponent(cluster)}/brokers`} backLabel="All brokers">
      {/^\d{1,10}$/.test(broker) ? `No broker with node id ${broker} in cluster “${cluster}”.` : `“${broker}” is not a broker node id.`}
    </MissingResource>
  );
}
