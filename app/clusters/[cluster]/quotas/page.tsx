import type { Metadata } from 'next';
import { Suspense } from 'react';
import { QuotasView } from '@/components/quotas/quotas-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Quotas' };

export default async function QuotasPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <Suspense fallback={<Loading />}>
      <QuotasView cluster={cluster} />
    </Suspense>
  );
}
