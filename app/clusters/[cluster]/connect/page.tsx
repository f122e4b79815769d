import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConnectView } from '@/components/connect/connect-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Kafka Connect' };

export default async function ConnectPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <Suspense fallback={<Loading />}>
      <ConnectView cluster={cluster} />
    </Suspense>
  );
}
