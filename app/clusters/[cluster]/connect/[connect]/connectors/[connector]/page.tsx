import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConnectorView } from '@/components/connect/connector-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Connector' };

export default async function ConnectorPage({ params }: { params: Promise<{ cluster: string; connect: string; connector: string }> }) {
  const { cluster, connect, connector } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <ConnectorView cluster={routeParam(cluster)} connect={routeParam(connect)} name={routeParam(connector)} />
    </Suspense>
  );
}
