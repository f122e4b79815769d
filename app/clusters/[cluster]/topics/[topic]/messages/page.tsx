import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MessagesView } from '@/components/messages/messages-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Messages · ${routeParam((await params).topic)}` };
}

export default async function MessagesPage({ params }: Props) {
  const { cluster, topic } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <MessagesView cluster={routeParam(cluster)} topic={routeParam(topic)} />
    </Suspense>
  );
}
