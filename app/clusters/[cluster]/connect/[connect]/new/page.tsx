import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CreateConnectorView } from '@/components/connect/create-connector-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Create connector' };

export default async function CreateConnectorPage({ params }: { params: Promise<{ cluster: string; connect: string }> }) {
  const { cluster, connect } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <CreateConnectorView cluster={routeParam(cluster)} connect={routeParam(connect)} />
    </Suspense>
  );
}
