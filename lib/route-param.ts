/**
 * A dynamic route segment as the user meant it. Next.js hands page params over sometimes still
 * percent-encoded (client navigations; vercel/next.js#48058) and sometimes decoded, and decoding
 * twice corrupts ids with a literal "%" (a group id may hold anything). A value is taken as encoded
 * only when it is exactly what encodeURIComponent makes of its decoded form. Pure.
 */
export function routeParam(value: string): string {
  try {
    const decoded = decodeURIComponent(value);
    return encodeURIComponent(decoded) === value ? decoded : value;
  } catch {
    return value;
  }
}
