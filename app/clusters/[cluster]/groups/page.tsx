import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { GroupsView } from '@/components/groups/groups-view';
import { FlashNotice } from '@/components/ui/flash-notice';
import { Loading } from '@/components/ui/loading';
import { prefetchGroupsPage } from '@/lib/kafka/list-prefetch';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Consumer groups' };

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cluster = routeParam((await params).cluster);
  const state = await prefetchGroupsPage(cluster, await searchParams);
  return (
    <>
      <FlashNotice />
      <HydrationBoundary state={state}>
        <Suspense fallback={<Loading />}>
          <GroupsView cluster={cluster} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
