import type { SortDirection } from '@/lib/list-view';

const buttonClass =
  'inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400';

/**
 * A column header that sorts by its key. Only the sorted column shows its direction (▲/▼) and
 * says it in `aria-sort`; the others say "none" and keep an empty slot, so labels do not shift.
 */
export function SortHeader({
  label,
  active,
  dir,
  onSort,
  align = 'left',
}: {
  label: string;
  active: boolean;
  dir: SortDirection;
  onSort: () => void;
  align?: 'left' | 'right';
}) {
  return (
    <div role="columnheader" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={align === 'right' ? 'text-right' : ''}>
      <button type="button" onClick={onSort} className={buttonClass}>
        {label}
        <span aria-hidden className="inline-block w-3 text-slate-700">
          {active ? (dir === 'desc' ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  );
}
