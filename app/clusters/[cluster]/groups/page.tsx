import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { GroupsView } from '@/components/groups/groups-view';
import { FlashNotice } from '@/components/ui/flash-notice';
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
  // The rows go straight into the page's HTML: under a Suspense boundary, React sent them hidden and
  // revealed them up to 300 ms later (its reveal throttle), after the browser had painted the rest.
  const state = await prefetchGroupsPage(cluster, await searchParams);
  return (
    <>
      <FlashNotice />
      <HydrationBoundary state={state}>
        <GroupsView cluster={cluster} />
      </HydrationBoundary>
    </>
  );
}
