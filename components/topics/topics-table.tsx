'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { SortHeader } from '@/components/ui/sort-header';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatBytes } from '@/lib/format';
import type { SortDirection } from '@/lib/list-view';
import type { TopicSortKey } from '@/lib/topic-list';
import { formatReplicationFactor } from '@/lib/topic-stats';
import type { TopicSummary } from '@/lib/types/topics';
import { MessageCount } from './message-count';
import { TopicHealthBadges } from './topic-health-badges';

const COLUMNS = 'grid grid-cols-[minmax(14rem,1fr)_6rem_6rem_7rem_9rem_14rem] gap-4 px-4';
const INITIAL_RECT = { width: 1200, height: 800 };
const ROW_HEIGHT = 40;

const HEADERS: { key: TopicSortKey; label: string; align?: 'right' }[] = [
  { key: 'name', label: 'Topic' },
  { key: 'partitions', label: 'Partitions', align: 'right' },
  { key: 'replicationFactor', label: 'RF', align: 'right' },
  { key: 'sizeBytes', label: 'Size', align: 'right' },
  { key: 'messages', label: 'Messages', align: 'right' },
  { key: 'underReplicatedPartitions', label: 'Health' },
];

/** The topic rows, virtualised: only the visible ones are in the DOM, so 10,000 topics scroll smoothly. */
export function TopicsTable({
  cluster,
  topics,
  firstRow = 0,
  total = topics.length,
  sort,
  dir,
  onSort,
}: {
  cluster: string;
  topics: TopicSummary[];
  /** This page's place in all `total` rows (the list is paged on the server). */
  firstRow?: number;
  total?: number;
  sort: TopicSortKey;
  dir: SortDirection;
  onSort: (key: TopicSortKey) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: topics.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows in the server's HTML too (the first page comes prefetched): visible before the scripts run.
    initialRect: INITIAL_RECT,
  });
  return (
    <TableScroll label="Topics">
      <div role="table" aria-label="Topics" aria-rowcount={total + 1} className="min-w-max overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <div role="rowgroup">
          <div role="row" className={`${COLUMNS} bg-slate-100 py-2 text-xs text-slate-500`}>
            {HEADERS.map((h) => (
              <SortHeader key={h.key} label={h.label} align={h.align} active={sort === h.key} dir={dir} onSort={() => onSort(h.key)} />
            ))}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="max-h-[calc(100vh-16rem)] min-h-24 overflow-auto">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const t = topics[item.index];
              return (
                <div
                  key={t.name}
                  role="row"
                  aria-rowindex={firstRow + item.index + 2}
                  data-testid="topic-row"
                  className={`${COLUMNS} absolute inset-x-0 items-center border-t border-slate-100 hover:bg-slate-50`}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <div role="cell" className="truncate">
                    <Link
                      href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(t.name)}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {t.name}
                    </Link>
                    {t.internal ? <span className="ml-2 text-xs text-slate-400">internal</span> : null}
                  </div>
                  <div role="cell" className="text-right tabular-nums">
                    {t.partitions}
                  </div>
                  <div role="cell" className="text-right tabular-nums">
                    {t.minReplicationFactor === t.replicationFactor ? (
                      t.replicationFactor
                    ) : (
                      <span className="text-amber-700" title="Partitions have different replica counts, e.g. after a reassignment">
                        {formatReplicationFactor({ min: t.minReplicationFactor, max: t.replicationFactor })}
                      </span>
                    )}
                  </div>
                  <div role="cell" className="text-right tabular-nums">
                    {t.sizeBytes === null ? (
                      <span className="text-slate-400" title="A broker did not report its disks">
                        —
                      </span>
                    ) : (
                      formatBytes(t.sizeBytes)
                    )}
                  </div>
                  <div role="cell" className="text-right">
                    <MessageCount messages={t.messages} exact={t.messagesExact} />
                  </div>
                  <div role="cell">
                    <TopicHealthBadges underReplicated={t.underReplicatedPartitions} offline={t.offlinePartitions} />
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </TableScroll>
  );
}
