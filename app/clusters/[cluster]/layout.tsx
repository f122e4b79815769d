import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { listClusters } from '@/lib/kafka/cluster';
import { routeParam } from '@/lib/route-param';

export const dynamic = 'force-dynamic';

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const name = routeParam(cluster);
  const clusters = listClusters();
  if (!clusters.some((c) => c.name === name)) notFound();
  return (
    <>
      <AppHeader clusters={clusters} current={name} />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </>
  );
}
