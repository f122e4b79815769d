'use client';

import { useParams } from 'next/navigation';
import { MissingResource } from '@/components/ui/missing-resource';
import { routeParam } from '@/lib/route-param';

/** Rendered with status 404 when the cluster has no such consumer group. */
export default function GroupNotFound() {
  const params = useParams<{ cluster: string; group: string }>();
  const cluster = routeParam(params.cluster);
  return (
    <MissingResource title="No such consumer group" backHref={`/clusters/${encodeURIComponent(cluster)}/groups`} backLabel="All consumer groups">
      Group “{routeParam(params.group)}” does not exist in cluster “{cluster}”.
    </MissingResource>
  );
}
