import type { WireMessage } from '@/lib/types/messages';

/** Reads an SSE response until `stop` says so or the stream ends; returns messages and the other events. */
export async function readSse(response: Response, stop: (messages: WireMessage[], events: { event: string; data: unknown }[]) => boolean = () => false) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: WireMessage[] = [];
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = frame.match(/^event: (.*)$/m)?.[1] ?? 'message';
        const data = JSON.parse(frame.match(/^data: (.*)$/m)?.[1] ?? 'null');
        if (event === 'messages') messages.push(...(data as WireMessage[]));
        else events.push({ event, data });
      }
      if (stop(messages, events)) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { messages, events };
}
