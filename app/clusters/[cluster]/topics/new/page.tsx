import type { Metadata } from 'next';
import { CreateTopicForm } from '@/components/topics/create-topic-form';
import { routeParam } from '@/lib/route-param';

export const metadata: Metadata = { title: 'Create topic' };

export default async function NewTopicPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Create topic</h1>
      <CreateTopicForm cluster={cluster} />
    </div>
  );
}
