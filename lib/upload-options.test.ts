import { describe, expect, it } from 'vitest';
import { uploadOptionsSchema, uploadQuery, type UploadOptions } from './upload-options';

const parse = (query: string) => uploadOptionsSchema.safeParse(Object.fromEntries(new URLSearchParams(query)));

describe('upload options', () => {
  it('round-trips what the form builds through the query string the route parses', () => {
    const cases: UploadOptions[] = [
      { separator: '\n', keyed: false, partitioner: 'round-robin', compression: 'none' },
      { separator: '\u0000', keyed: true, partitioner: 'key-hash', compression: 'zstd' },
      { separator: ';', keyed: false, partitioner: 'partition', partition: 7, compression: 'gzip' },
    ];
    for (const options of cases) expect(uploadOptionsSchema.parse(Object.fromEntries(uploadQuery(options)))).toEqual(options);
  });

  it('defaults what is left out, and refuses what the route refused', () => {
    expect(parse('')).toMatchObject({ success: true, data: { separator: '\n', keyed: false, partitioner: 'round-robin', compression: 'none' } });
    expect(parse('partitioner=partition').error?.issues[0].message).toBe('partition is required with partitioner=partition');
    expect(parse('partitioner=sideways').error?.issues[0].message).toBe('partitioner must be round-robin, key-hash or partition');
    expect(parse('compression=brotli').error?.issues[0].message).toMatch(/^compression must be one of none, gzip/);
    expect(parse('partitioner=partition&partition=-1').success).toBe(false);
    expect(parse('keyed=yes').success).toBe(false);
  });
});
