import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BrokerView } from '@/components/brokers/broker-view';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; broker: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Broker ${(await params).broker}` };
}

export default async function BrokerPage({ params }: Props) {
  const { cluster, broker } = await params;
  if (!/^\d{1,10}$/.test(broker)) notFound();
  return <BrokerView cluster={routeParam(cluster)} nodeId={Number(broker)} />;
}
