import { formatCount } from '@/lib/format';
import { Button } from './button';

/** "Rows 101–200 of 1,234, page 2 of 13" with Previous / Next: a list cut into pages on the server. */
export function Pager({ offset, limit, total, onPage }: { offset: number; limit: number; total: number; onPage: (page: number) => void }) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const rows = `Rows ${formatCount(offset + 1)}–${formatCount(Math.min(total, offset + limit))} of ${formatCount(total)}`;
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm text-slate-600">
      <Button aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span data-testid="page-range">{total ? `${rows}, page ${formatCount(page)} of ${formatCount(pages)}` : 'No rows'}</span>
      <Button aria-label="Next page" disabled={offset + limit >= total} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
