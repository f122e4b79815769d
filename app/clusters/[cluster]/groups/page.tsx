import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GroupsView } from '@/components/groups/groups-view';
import { FlashNotice } from '@/components/ui/flash-notice';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Consumer groups' };

export default async function GroupsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <>
      <FlashNotice />
      <Suspense fallback={<Loading />}>
        <GroupsView cluster={cluster} />
      </Suspense>
    </>
  );
}
