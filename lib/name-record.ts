import { z } from '@/lib/zod';

/**
 * A JSON object keyed by names that come from users or Kafka (config names, header keys), checked
 * with zod, keeping every key. zod's own record assigns each key into a plain object, so a key
 * "__proto__" (an own property after JSON.parse) becomes a prototype change and silently vanishes.
 * The result has no prototype either: "constructor" or "toString" read from it are the caller's
 * data, never Object's members. Pure, used by the forms and the server alike.
 */
export function nameRecord<V extends z.ZodType>(value: V, { what, emptyName }: { what: string; emptyName: string }) {
  return z
    .custom<Record<string, unknown>>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), { error: `${what} must be an object` })
    .transform((input, ctx) => {
      const out: Record<string, z.output<V>> = Object.create(null);
      for (const [name, raw] of Object.entries(input)) {
        if (name === '') {
          ctx.addIssue({ code: 'custom', message: emptyName, path: [name], input });
          continue;
        }
        const parsed = value.safeParse(raw);
        if (parsed.success) out[name] = parsed.data;
        else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [name, ...issue.path], input: raw });
      }
      return out;
    });
}
