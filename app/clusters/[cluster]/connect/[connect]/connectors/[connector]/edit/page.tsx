import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EditConnectorView } from '@/components/connect/edit-connector-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Edit connector' };

export default async function EditConnectorPage({ params }: { params: Promise<{ cluster: string; connect: string; connector: string }> }) {
  const { cluster, connect, connector } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <EditConnectorView cluster={routeParam(cluster)} connect={routeParam(connect)} name={routeParam(connector)} />
    </Suspense>
  );
}
