'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { SearchInput } from '@/components/ui/search-input';
import { Pager } from '@/components/ui/pager';
import { useGroupsPage } from '@/lib/api/groups';
import { formatCount } from '@/lib/format';
import { pageNumber } from '@/lib/list-view';
import { groupListViewToParams, parseGroupListView, type GroupListView, type GroupSortKey } from '@/lib/group-list';
import { GROUP_PAGE_SIZE, groupPageParams } from '@/lib/group-page';
import { GroupsTable } from './groups-table';
import { LagHistoryNote } from './lag-history-note';
import { EmptyState } from '@/components/ui/empty-state';

const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead'];

export function GroupsView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parseGroupListView(new URLSearchParams(searchParams.toString()));
  // Search, filter and sort run on the server over every group; the browser gets one page (lib/group-page.ts).
  const page = pageNumber(searchParams);
  const { data, error, isPending } = useGroupsPage(cluster, groupPageParams(view, page));
  const rows = data?.groups ?? [];
  const go = (next: GroupListView, nextPage: number) => {
    const query = groupListViewToParams(next);
    const withPage = nextPage > 1 ? `${query ? `${query}&` : '?'}page=${nextPage}` : query;
    router.replace(pathname + withPage, { scroll: false });
  };
  // A new search, filter or sort starts again at the first page.
  const update = (change: Partial<GroupListView>) => go({ ...view, ...change }, 1);
  const onSort = (key: GroupSortKey) =>
    update(view.sort === key ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: key === 'groupId' || key === 'state' ? 'asc' : 'desc' });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Consumer groups</h1>
        <SearchInput
          aria-label="Search groups"
          placeholder="Search groups…"
          value={view.q}
          onCommit={(q) => update({ q })}
          className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400"
        />
        <label className="flex items-center gap-2 text-sm text-slate-600">
          State
          <select
            aria-label="Filter by state"
            value={view.state}
            onChange={(e) => update({ state: e.target.value })}
            className="rounded border border-slate-300 px-2 py-1.5"
          >
            <option value="">any</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span className="text-sm text-slate-500" aria-live="polite">
          {data ? `${formatCount(data.total)} of ${formatCount(data.groupCount)}` : ''}
        </span>
        {data ? <span className="ml-auto text-xs text-slate-500">Lag sampled every {data.sampleIntervalMs / 1000} s</span> : null}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading consumer groups…" /> : null}
      {data?.missingBrokers.length ? (
        <Alert tone="warn" title={`Broker ${data.missingBrokers.join(', ')} did not list its groups`}>
          The groups {data.missingBrokers.length > 1 ? 'these brokers coordinate' : 'it coordinates'} are missing from this list until it answers again; their
          lag history is kept.
        </Alert>
      ) : null}
      <LagHistoryNote status={data?.lagHistory} />
      {data && data.groupCount === 0 && !data.missingBrokers.length ? <EmptyState>No consumer groups in this cluster yet.</EmptyState> : null}
      {data && data.groupCount > 0 ? (
        rows.length ? (
          <>
            <GroupsTable cluster={cluster} groups={rows} firstRow={data.offset} total={data.total} sort={view.sort} dir={view.dir} onSort={onSort} />
            {data.total > GROUP_PAGE_SIZE ? <Pager offset={data.offset} limit={data.limit} total={data.total} onPage={(p) => go(view, p)} /> : null}
          </>
        ) : data.total > 0 ? (
          <Pager offset={data.offset} limit={data.limit} total={data.total} onPage={(p) => go(view, p)} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            No group matches.
          </p>
        )
      ) : null}
    </div>
  );
}
