import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersView } from '@/components/users/users-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <Suspense fallback={<Loading />}>
      <UsersView cluster={cluster} />
    </Suspense>
  );
}
