/**
 * Tells a search box's own URL writes from navigation. The box writes its text to the URL
 * (debounced); the router reports each URL back later, possibly an older one after a newer write.
 * Adopting those echoes would put stale text back into the box and eat keystrokes, so only a URL
 * value the box did not write (back/forward, a link, a shared URL) replaces what the user typed.
 * Pure.
 */
export class UrlEcho {
  /** Values written to the URL and not yet reported back, oldest first. */
  private pending: string[] = [];

  constructor(private last: string) {}

  /** The value the box last wrote or adopted. */
  get current(): string {
    return this.last;
  }

  /** Whether `text` should be written to the URL (it differs from what is there or on its way); records the write. */
  write(text: string): boolean {
    if (text === this.last) return false;
    this.last = text;
    this.pending.push(text);
    return true;
  }

  /**
   * The router reports `value`. Returns the text the box should show instead of its own, or null
   * when the value is an echo of the box's own write (that write and any older ones are settled).
   */
  reported(value: string): string | null {
    const index = this.pending.indexOf(value);
    if (index >= 0) {
      this.pending.splice(0, index + 1);
      return null;
    }
    if (value === this.last && this.pending.length === 0) return null;
    this.pending = [];
    this.last = value;
    return value;
  }
}
