'use client';

import { useParams } from 'next/navigation';
import { MissingResource } from '@/components/ui/missing-resource';
import { RefreshWhileMissing } from '@/components/ui/refresh-while-missing';
import { routeParam } from '@/lib/route-param';

/** Rendered with status 404 when the cluster has no such consumer group; shows the group once a consumer creates it. */
export default function GroupNotFound() {
  const params = useParams<{ cluster: string; group: string }>();
  const cluster = routeParam(params.cluster);
  return (
    <MissingResource title="No such consumer group" backHref={`/clusters/${encodeURIComponent(cluster)}/groups`} backLabel="All consumer groups">
      Group “{routeParam(params.group)}” does not exist in cluster “{cluster}”. This page shows it as soon as a consumer joins it.
      <RefreshWhileMissing probeUrl={`/api/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(routeParam(params.group))}`} />
    </MissingResource>
  );
}
