import type { Metadata } from 'next';
import { GroupView } from '@/components/groups/group-view';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; group: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).group) };
}

export default async function GroupPage({ params }: Props) {
  const { cluster, group } = await params;
  return <GroupView cluster={routeParam(cluster)} groupId={routeParam(group)} />;
}
