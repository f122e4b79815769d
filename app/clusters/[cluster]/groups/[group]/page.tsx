import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GroupView } from '@/components/groups/group-view';
import { groupExists } from '@/lib/kafka/exists';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; group: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).group) };
}

export default async function GroupPage({ params }: Props) {
  const { cluster, group } = await params;
  // A real 404 page when the cluster has no such group; an unreachable cluster is the view's to show.
  if ((await groupExists(routeParam(cluster), routeParam(group))) === 'missing') notFound();
  return <GroupView cluster={routeParam(cluster)} groupId={routeParam(group)} />;
}
