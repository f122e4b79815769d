'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ClusterUnreachable } from '@/components/cluster/cluster-unreachable';
import { Loading } from '@/components/ui/loading';
import { SearchInput } from '@/components/ui/search-input';
import { Pager } from '@/components/ui/pager';
import { useTopicsPage } from '@/lib/api/topics';
import { formatCount } from '@/lib/format';
import { pageNumber } from '@/lib/list-view';
import { parseTopicListView, topicListViewToParams, type TopicListView, type TopicSortKey } from '@/lib/topic-list';
import { TOPIC_PAGE_SIZE, topicPageParams } from '@/lib/topic-page';
import { TopicsTable } from './topics-table';
import { useReadOnly } from '@/lib/api/clusters';
import { EmptyState } from '@/components/ui/empty-state';

const createButtonClass =
  'ml-auto rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 ' +
  'focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400';

export function TopicsView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parseTopicListView(new URLSearchParams(searchParams.toString()));
  // Search and sort run on the server over every topic; the browser gets one page (lib/topic-page.ts).
  const page = pageNumber(searchParams);
  const { data, error, isPending } = useTopicsPage(cluster, topicPageParams(view, page));
  const readOnly = useReadOnly();
  const rows = data?.topics ?? [];
  const go = (next: TopicListView, nextPage: number) => {
    const query = topicListViewToParams(next);
    router.replace(pathname + (nextPage > 1 ? `${query ? `${query}&` : '?'}page=${nextPage}` : query), { scroll: false });
  };
  // A new search or sort starts again at the first page.
  const update = (change: Partial<TopicListView>) => go({ ...view, ...change }, 1);
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
          {data ? `${formatCount(data.total)} of ${formatCount(data.topicCount)}` : ''}
        </span>
        {readOnly ? null : (
          <Link href={`/clusters/${encodeURIComponent(cluster)}/topics/new`} className={createButtonClass}>
            Create topic
          </Link>
        )}
      </div>
      {error ? <ClusterUnreachable cluster={cluster} error={error} /> : null}
      {isPending ? <Loading label="Reading topics…" /> : null}
      {data && data.topicCount === 0 ? (
        <EmptyState>This cluster has no topics yet{view.internal ? '' : ' (apart from internal ones)'}. Create one to get started.</EmptyState>
      ) : null}
      {data && data.topicCount > 0 ? (
        rows.length ? (
          <>
            <TopicsTable cluster={cluster} topics={rows} firstRow={data.offset} total={data.total} sort={view.sort} dir={view.dir} onSort={onSort} />
            {data.total > TOPIC_PAGE_SIZE ? <Pager offset={data.offset} limit={data.limit} total={data.total} onPage={(p) => go(view, p)} /> : null}
          </>
        ) : data.total > 0 ? (
          <Pager offset={data.offset} limit={data.limit} total={data.total} onPage={(p) => go(view, p)} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            No topic matches “{view.q}”.
          </p>
        )
      ) : null}
    </div>
  );
}
