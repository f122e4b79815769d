import type { Metadata } from 'next';
import { ClusterOverview } from '@/components/cluster/cluster-overview';

type Props = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).cluster) };
}

export default async function ClusterPage({ params }: Props) {
  return <ClusterOverview cluster={decodeURIComponent((await params).cluster)} />;
}
