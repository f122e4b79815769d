/**
 * Splits a byte stream into records on a separator, across chunk boundaries, keeping at most one
 * partial record in memory (so a 100 MB file streams in constant memory). Pure.
 */
export class LineSplitter {
  private rest: Buffer = Buffer.alloc(0);
  private readonly separator: Buffer;

  constructor(separator = '\n') {
    this.separator = Buffer.from(separator, 'utf8');
    if (this.separator.length === 0) throw new Error('separator cannot be empty');
  }

  /** Complete records in `chunk` (plus what was left from before). */
  push(chunk: Uint8Array): Buffer[] {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : Buffer.from(chunk);
    const records: Buffer[] = [];
    let start = 0;
    for (let at = data.indexOf(this.separator, start); at !== -1; at = data.indexOf(this.separator, start)) {
      records.push(stripCr(data.subarray(start, at), this.separator));
      start = at + this.separator.length;
    }
    this.rest = Buffer.from(data.subarray(start));
    return records;
  }

  /** The last record, when the input does not end with a separator. */
  end(): Buffer[] {
    const last = this.rest;
    this.rest = Buffer.alloc(0);
    return last.length ? [stripCr(last, this.separator)] : [];
  }
}

/** Files written on Windows end lines with CRLF: with the newline separator, drop the CR. */
function stripCr(record: Buffer, separator: Buffer): Buffer {
  return separator.length === 1 && separator[0] === 0x0a && record.at(-1) === 0x0d ? record.subarray(0, -1) : record;
}

/** `key<TAB>value` → key and value; a line without a tab is a value without a key. */
export function splitKeyValue(record: Buffer): { key: Buffer | null; value: Buffer } {
  const tab = record.indexOf(0x09);
  return tab === -1 ? { key: null, value: record } : { key: record.subarray(0, tab), value: record.subarray(tab + 1) };
}
