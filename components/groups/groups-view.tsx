'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Loading } from '@/components/ui/loading';
import { SearchInput } from '@/components/ui/search-input';
import { useGroups } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';
import { filterAndSortGroups, groupListViewToParams, parseGroupListView, type GroupListView, type GroupSortKey } from '@/lib/group-list';
import { GroupsTable } from './groups-table';

const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead'];

export function GroupsView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const view = parseGroupListView(new URLSearchParams(query));
  const { data, error, isPending } = useGroups(cluster);
  const rows = useMemo(() => filterAndSortGroups(data?.groups ?? [], parseGroupListView(new URLSearchParams(query))), [data, query]);
  const update = (change: Partial<GroupListView>) => router.replace(pathname + groupListViewToParams({ ...view, ...change }), { scroll: false });
  const onSort = (key: GroupSortKey) =>
    update(view.sort === key ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: key === 'groupId' || key === 'state' ? 'asc' : 'desc' });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Consumer groups</h1>
        <SearchInput aria-label="Search groups" placeholder="Search groups…" value={view.q} onCommit={(q) => update({ q })} className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400" />
        <label className="flex items-center gap-2 text-sm text-slate-600">
          State
          <select aria-label="Filter by state" value={view.state} onChange={(e) => update({ state: e.target.value })} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">any</option>
            {STATES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <span className="text-sm text-slate-500" aria-live="polite">{data ? `${formatCount(rows.length)} of ${formatCount(data.groups.length)}` : ''}</span>
        {data ? <span className="ml-auto text-xs text-slate-500">Lag sampled every {data.sampleIntervalMs / 1000} s</span> : null}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading consumer groups…" /> : null}
      {data && data.groups.length === 0 ? <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No consumer groups in this cluster yet.</p> : null}
      {data && data.groups.length > 0 ? (
        rows.length ? <GroupsTable cluster={cluster} groups={rows} sort={view.sort} dir={view.dir} onSort={onSort} /> : <p role="status" className="text-sm text-slate-600">No group matches.</p>
      ) : null}
    </div>
  );
}
