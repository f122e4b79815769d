'use client';

import { useParams } from 'next/navigation';
import { MissingResource } from '@/components/ui/missing-resource';
import { routeParam } from '@/lib/route-param';

/** Rendered with status 404 when Kafka does not know the topic. */
export default function TopicNotFound() {
  const params = useParams<{ cluster: string; topic: string }>();
  const cluster = routeParam(params.cluster);
  return (
    <MissingResource title="No such topic" backHref={`/clusters/${encodeURIComponent(cluster)}/topics`} backLabel="All topics">
      Topic “{routeParam(params.topic)}” does not exist in cluster “{cluster}”.
    </MissingResource>
  );
}
