import type { Metadata } from 'next';
import { ClusterOverview } from '@/components/cluster/cluster-overview';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).cluster) };
}

export default async function ClusterPage({ params }: Props) {
  return <ClusterOverview cluster={routeParam((await params).cluster)} />;
}
