'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { checkDraft, draftFromQuery, formQuery, FORM_PARAMS, viewFromQuery, type CheckedDraft } from '@/lib/tail-form';

/**
 * The messages page's settings as the URL holds them (so a link shows the same read): the form as
 * the link gives it, its problems per field, the checked settings when there are none, and the view
 * (`max`, `order`). `formKey` changes only when the read itself changes, not when the view does, so
 * a form being typed in survives a change of Keep or Order.
 */
export function useTailUrl(partitionCount: number | null) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = new URLSearchParams(searchParams.toString());
  const { draft, problems } = draftFromQuery(query);
  const checked = Object.keys(problems).length ? ({ ok: false, problems } as const) : checkDraft(draft, partitionCount);
  const view = viewFromQuery(query, draft.mode);
  const formKey = FORM_PARAMS.map((name) => `${name}=${query.get(name) ?? ''}`).join('&');

  const go = (next: string) => router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
  return {
    draft,
    problems: checked.ok ? {} : checked.problems,
    applied: checked.ok ? checked : null,
    view,
    formKey,
    /** Puts checked form settings in the URL (view settings kept); false when the URL has them already. */
    apply: (next: Extract<CheckedDraft, { ok: true }>) => {
      const target = formQuery(next, query);
      if (target === query.toString()) return false;
      go(target);
      return true;
    },
    /** Changes one view setting, leaving the rest of the link as it is (even a broken part of it). */
    setView: (name: 'max' | 'order', value: string) => {
      query.set(name, value);
      go(query.toString());
    },
  };
}
