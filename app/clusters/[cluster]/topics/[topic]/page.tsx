import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { TopicView } from '@/components/topics/topic-view';
import { Loading } from '@/components/ui/loading';
import { topicExists } from '@/lib/kafka/exists';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).topic) };
}

export default async function TopicPage({ params }: Props) {
  const { cluster, topic } = await params;
  // A real 404 page when Kafka knows no such topic; an unreachable cluster is the view's to show.
  if ((await topicExists(routeParam(cluster), routeParam(topic))) === 'missing') notFound();
  return (
    <Suspense fallback={<Loading />}>
      <TopicView cluster={routeParam(cluster)} topic={routeParam(topic)} />
    </Suspense>
  );
}
