import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

export interface Column {
  label: ReactNode;
  /** Numbers are right-aligned, in the header as in the cells. */
  numeric?: boolean;
  title?: string;
}

/**
 * The dashboard's table: bordered, a caption for screen readers, one header row from `columns`
 * (a string is a plain column, null leaves a column out); the rows are the caller's `<tbody>`.
 * A table wider than the screen scrolls sideways in its own box (TableScroll), not the page.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: (Column | string | null)[]; children: ReactNode }) {
  const shown = columns.filter((c): c is Column | string => c !== null).map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <TableScroll label={caption}>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" title={c.title} className={`px-3 py-2${c.numeric ? ' text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </TableScroll>
  );
}
