'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { SortHeader } from '@/components/ui/sort-header';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatCount } from '@/lib/format';
import type { GroupSortKey } from '@/lib/group-list';
import type { SortDirection } from '@/lib/list-view';
import type { GroupSummary } from '@/lib/types/groups';
import { SinkGroupConnector } from '@/components/connect/sink-group-connector';
import { GroupTypeLabel } from './group-type-label';
import { LagSparkline } from './lag-sparkline';
import { StateBadge, StatusBadge } from './status-badge';

const COLUMNS = 'grid grid-cols-[minmax(14rem,1fr)_5.5rem_9rem_6rem_minmax(8rem,14rem)_8rem_7rem_7rem] gap-4 px-4';
const INITIAL_RECT = { width: 1200, height: 800 };
const ROW_HEIGHT = 44;
const HEADERS: { key: GroupSortKey | null; label: string; align?: 'right' }[] = [
  { key: 'groupId', label: 'Group' },
  { key: null, label: 'Type' },
  { key: 'state', label: 'State' },
  { key: 'members', label: 'Members', align: 'right' },
  { key: null, label: 'Topics' },
  { key: 'totalLag', label: 'Lag', align: 'right' },
  { key: null, label: 'Trend' },
  { key: 'status', label: 'Status' },
];

/** Group rows (one page of the list, `firstRow` its place in all `total` rows), virtualised. */
export function GroupsTable({
  cluster,
  groups,
  firstRow = 0,
  total = groups.length,
  sort,
  dir,
  onSort,
}: {
  cluster: string;
  groups: GroupSummary[];
  firstRow?: number;
  total?: number;
  sort: GroupSortKey;
  dir: SortDirection;
  onSort: (key: GroupSortKey) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Rows in the server's HTML too (the first page comes prefetched): visible before the scripts run.
    initialRect: INITIAL_RECT,
  });
  return (
    <TableScroll label="Consumer groups">
      <div
        role="table"
        aria-label="Consumer groups"
        aria-rowcount={total + 1}
        className="min-w-max overflow-hidden rounded-lg border border-slate-200 bg-white text-sm"
      >
        <div role="rowgroup">
          <div role="row" className={`${COLUMNS} bg-slate-100 py-2 text-xs text-slate-500`}>
            {HEADERS.map((h) =>
              h.key ? (
                <SortHeader key={h.label} label={h.label} align={h.align} active={sort === h.key} dir={dir} onSort={() => onSort(h.key!)} />
              ) : (
                <div key={h.label} role="columnheader" className="uppercase tracking-wide">
                  {h.label}
                </div>
              ),
            )}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="max-h-[calc(100vh-16rem)] min-h-24 overflow-auto">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const g = groups[item.index];
              return (
                <div
                  key={g.groupId}
                  role="row"
                  data-testid="group-row"
                  aria-rowindex={firstRow + item.index + 2}
                  className={`${COLUMNS} absolute inset-x-0 items-center border-t border-slate-100 hover:bg-slate-50`}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <div role="cell" className="truncate">
                    <Link
                      href={`/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(g.groupId)}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {g.groupId}
                    </Link>
                    {g.protocolType && g.protocolType !== 'consumer' && g.protocolType !== g.type ? (
                      <span className="ml-2 text-xs text-slate-400">{g.protocolType}</span>
                    ) : null}
                    <SinkGroupConnector cluster={cluster} groupId={g.groupId} compact />
                  </div>
                  <div role="cell">
                    <GroupTypeLabel type={g.type} />
                  </div>
                  <div role="cell">
                    <StateBadge state={g.state} />
                  </div>
                  <div role="cell" className="text-right tabular-nums">
                    {g.members}
                  </div>
                  <div role="cell" className="truncate text-slate-600" title={g.topics.join(', ')}>
                    {g.topics.join(', ') || '—'}
                  </div>
                  <div role="cell" className="text-right tabular-nums">
                    {g.totalLag === null ? (
                      <span className="text-slate-400" title="No committed offsets">
                        —
                      </span>
                    ) : (
                      formatCount(g.totalLag)
                    )}
                  </div>
                  <div role="cell">
                    {g.type === 'share' ? (
                      <span className="text-xs text-slate-400" title="Lag history is kept for committed offsets; a share group has none">
                        —
                      </span>
                    ) : (
                      <LagSparkline values={g.lagTrend} />
                    )}
                  </div>
                  <div role="cell">
                    <StatusBadge status={g.status} reason={g.statusReason} />
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
