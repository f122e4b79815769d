import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { Loading } from '@/components/ui/loading';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = decodeURIComponent((await params).cluster);
  return (
    <Suspense fallback={<Loading />}>
      <TopicsView cluster={cluster} />
    </Suspense>
  );
}
