import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { FlashNotice } from '@/components/ui/flash-notice';
import { Loading } from '@/components/ui/loading';
import { prefetchTopicsPage } from '@/lib/kafka/list-prefetch';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage({
  params,
  searchParams,
}: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cluster = routeParam((await params).cluster);
  const state = await prefetchTopicsPage(cluster, await searchParams);
  return (
    <>
      <FlashNotice />
      <HydrationBoundary state={state}>
        <Suspense fallback={<Loading />}>
          <TopicsView cluster={cluster} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
