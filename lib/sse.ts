/** Server-Sent Events framing. Pure. */

/** One SSE frame: `event: name` and the JSON data on one line (JSON never contains a raw newline). */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
