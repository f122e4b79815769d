/**
 * Where to go after logging in: `next` only when it resolves, the way the browser would resolve it,
 * to this very origin; anything else (`/\evil.example/`, `//evil`, `/\t/evil`, `https://…`,
 * `javascript:`) goes to the start page. Pure.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
