import { vi } from 'vitest';

/**
 * A stand-in for the browser's EventSource: the test plays the server, sending named SSE events
 * (`messages`, `status`, `done`, `error`) to the hook's listeners. Every instance is kept, so a test
 * can tell whether a stream was reopened and whether the old one was closed.
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
  }

  /** Sends one event as the server would; `data` undefined is the browser's own connection error. */
  emit(type: string, data?: unknown) {
    if (this.closed) throw new Error(`event "${type}" sent on a closed EventSource (${this.url})`);
    const event = new MessageEvent(type, { data: data === undefined ? undefined : JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** Installs the fake as the global EventSource, with no instances yet. */
  static install() {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  }

  static get last(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }
}
