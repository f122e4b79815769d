import Link from 'next/link';
import type { ClusterSummary } from '@/lib/types/cluster';
import { ClusterNav } from './cluster-nav';
import { ClusterSwitcher } from './cluster-switcher';
import { UserMenu } from './user-menu';

export function AppHeader({
  clusters,
  current,
  user,
  schemaRegistry,
}: {
  clusters: ClusterSummary[];
  current: string;
  user: { username: string; role: string } | null;
  schemaRegistry?: boolean;
}) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-6 px-6 py-3">
        <Link href="/" className="font-semibold tracking-tight">
          Kafka Dashboard
        </Link>
        <ClusterNav cluster={current} schemaRegistry={schemaRegistry} />
        <div className="ml-auto flex items-center gap-4">
          <ClusterSwitcher clusters={clusters} current={current} />
          {user ? <UserMenu username={user.username} role={user.role} /> : null}
        </div>
      </div>
    </header>
  );
}
