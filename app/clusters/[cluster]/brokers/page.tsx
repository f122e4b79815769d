import type { Metadata } from 'next';
import { BrokersView } from '@/components/cluster/brokers-view';

type Props = { params: Promise<{ cluster: string }> };

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage({ params }: Props) {
  return <BrokersView cluster={decodeURIComponent((await params).cluster)} />;
}
