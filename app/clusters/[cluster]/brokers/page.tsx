import type { Metadata } from 'next';
import { BrokersView } from '@/components/cluster/brokers-view';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string }> };

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage({ params }: Props) {
  return <BrokersView cluster={routeParam((await params).cluster)} />;
}
