import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopicView } from '@/components/topics/topic-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).topic) };
}

export default async function TopicPage({ params }: Props) {
  const { cluster, topic } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <TopicView cluster={routeParam(cluster)} topic={routeParam(topic)} />
    </Suspense>
  );
}
