import type { Metadata } from 'next';
import { GroupView } from '@/components/groups/group-view';

type Props = { params: Promise<{ cluster: string; group: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).group) };
}

export default async function GroupPage({ params }: Props) {
  const { cluster, group } = await params;
  return <GroupView cluster={decodeURIComponent(cluster)} groupId={decodeURIComponent(group)} />;
}
