import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { FlashNotice } from '@/components/ui/flash-notice';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <>
      <FlashNotice />
      <Suspense fallback={<Loading />}>
        <TopicsView cluster={cluster} />
      </Suspense>
    </>
  );
}
