import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AclsView } from '@/components/acls/acls-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'ACLs' };

export default async function AclsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <Suspense fallback={<Loading />}>
      <AclsView cluster={cluster} />
    </Suspense>
  );
}
