'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Loading } from '@/components/ui/loading';
import { SearchInput } from '@/components/ui/search-input';
import { useTopics } from '@/lib/api/topics';
import { formatCount } from '@/lib/format';
import { filterAndSortTopics, parseTopicListView, topicListViewToParams, type TopicListView, type TopicSortKey } from '@/lib/topic-list';
import { TopicsTable } from './topics-table';
import { useReadOnly } from '@/lib/api/clusters';

export function TopicsView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parseTopicListView(new URLSearchParams(searchParams.toString()));
  const { data, error, isPending } = useTopics(cluster, view.internal);
  const readOnly = useReadOnly();
  const query = searchParams.toString();
  const rows = useMemo(() => filterAndSortTopics(data?.topics ?? [], parseTopicListView(new URLSearchParams(query))), [data, query]);

  const update = (change: Partial<TopicListView>) => router.replace(pathname + topicListViewToParams({ ...view, ...change }), { scroll: false });
  // Same column: flip. New column: names A→Z, numbers biggest first.
  const onSort = (key: TopicSortKey) =>
    update(view.sort === key ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: key === 'name' ? 'asc' : 'desc' });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Topics</h1>
        <SearchInput
          aria-label="Search topics"
          placeholder="Search topics…"
          autoFocus
          value={view.q}
          onCommit={(q) => update({ q })}
          className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400"
        />
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={view.internal} onChange={(e) => update({ internal: e.target.checked })} />
          Show internal topics
        </label>
        <span className="text-sm text-slate-500" aria-live="polite">
          {data ? `${formatCount(rows.length)} of ${formatCount(data.topics.length)}` : ''}
        </span>
        {readOnly ? null : <Link href={`/clusters/${encodeURIComponent(cluster)}/topics/new`} className="ml-auto rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400">
          Create topic
        </Link>}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading topics…" /> : null}
      {data && data.topics.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          This cluster has no topics yet{view.internal ? '' : ' (apart from internal ones)'}. Create one to get started.
        </p>
      ) : null}
      {data && data.topics.length > 0 ? (
        rows.length ? (
          <TopicsTable cluster={cluster} topics={rows} sort={view.sort} dir={view.dir} onSort={onSort} />
        ) : (
          <p role="status" className="text-sm text-slate-600">No topic matches “{view.q}”.</p>
        )
      ) : null}
    </div>
  );
}
