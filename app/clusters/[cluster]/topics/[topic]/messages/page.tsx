import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MessagesView } from '@/components/messages/messages-view';
import { Loading } from '@/components/ui/loading';

type Props = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Messages · ${decodeURIComponent((await params).topic)}` };
}

export default async function MessagesPage({ params }: Props) {
  const { cluster, topic } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <MessagesView cluster={decodeURIComponent(cluster)} topic={decodeURIComponent(topic)} />
    </Suspense>
  );
}
