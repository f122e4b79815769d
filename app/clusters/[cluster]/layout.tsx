import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { currentSession } from '@/lib/auth';
import { SESSION_COOKIE } from '@/lib/auth/session';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { clusterConfig } from '@/lib/kafka/clients';
import { listClusters } from '@/lib/kafka/cluster';
import { routeParam } from '@/lib/route-param';

export const dynamic = 'force-dynamic';

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const name = routeParam(cluster);
  const clusters = listClusters();
  if (!clusters.some((c) => c.name === name)) notFound();
  const session = await currentSession((await cookies()).get(SESSION_COOKIE)?.value);
  return (
    <>
      <AppHeader
        clusters={clusters}
        current={name}
        user={session ? { username: session.username, role: session.role } : null}
        schemaRegistry={Boolean(clusterConfig(name).schemaRegistry)}
      />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </>
  );
}
