import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BrokerView } from '@/components/brokers/broker-view';
import { brokerExists } from '@/lib/kafka/exists';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; broker: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Broker ${(await params).broker}` };
}

export default async function BrokerPage({ params }: Props) {
  const { cluster, broker } = await params;
  if (!/^\d{1,10}$/.test(broker)) notFound();
  // A real 404 page when Kafka knows no such broker; an unreachable cluster is the view's to show.
  if ((await brokerExists(routeParam(cluster), Number(broker))) === 'missing') notFound();
  return <BrokerView cluster={routeParam(cluster)} nodeId={Number(broker)} />;
}
