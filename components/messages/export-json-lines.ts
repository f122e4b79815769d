import type { WireMessage } from '@/lib/types/messages';

/** Downloads the messages shown as JSON lines, one message per line as the stream sent it. */
export function exportJsonLines(messages: WireMessage[], topic: string) {
  const blob = new Blob(
    messages.map((m) => `${JSON.stringify(m)}\n`),
    { type: 'application/x-ndjson' },
  );
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${topic}-messages.jsonl`;
  link.click();
  URL.revokeObjectURL(link.href);
}
