import { z } from '@/lib/zod';

/** What the paged topic and group lists share (lib/topic-page.ts, lib/group-page.ts). Pure. */

/** A whole-number query parameter between `min` and `max`, with a message naming it. */
export const countParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max.toLocaleString('en-US')}`);

/** Rows `offset` … `offset + limit - 1` of `rows` (an offset past the end gives an empty page, not an error). */
export const pageOf = <T>(rows: T[], offset: number, limit: number): T[] => rows.slice(offset, offset + limit);
