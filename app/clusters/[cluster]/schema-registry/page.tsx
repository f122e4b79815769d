import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SubjectsView } from '@/components/schema-registry/subjects-view';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { getClusters } from '@/lib/config';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Schema registry' };

export default async function SchemaRegistryPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  if (!getClusters().find((c) => c.name === cluster)?.schemaRegistry) {
    return (
      <Alert tone="info" title="No schema registry configured">
        Cluster “{cluster}” has no schema registry: set SCHEMA_REGISTRY_URL, or schemaRegistry.url for it in KAFKA_CLUSTERS (see the README).
      </Alert>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <SubjectsView cluster={cluster} />
    </Suspense>
  );
}
