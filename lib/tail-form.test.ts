import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromQuery, formQuery, viewFromQuery } from './tail-form';

const q = (text: string) => new URLSearchParams(text);

describe('draftFromQuery', () => {
  it('reads earliest as Browse and latest (or nothing) as Live', () => {
    expect(draftFromQuery(q('from=earliest')).draft).toMatchObject({ start: 'earliest', mode: 'browse', size: '500' });
    expect(draftFromQuery(q('')).draft).toMatchObject({ start: 'latest', mode: 'live' });
    expect(draftFromQuery(q('from=offset:120')).draft).toMatchObject({ start: 'offset', offset: '120', mode: 'browse' });
    expect(draftFromQuery(q('from=earliest&mode=live')).draft.mode).toBe('live');
    expect(draftFromQuery(q('from=earliest&live=false')).draft.mode).toBe('browse');
  });

  it('marks the wrong field of a bad link and keeps the others as given', () => {
    const { draft, problems } = draftFromQuery(q('from=earliest&partitions=0,2&filter=(a&filterMode=regex&filterOn=value'));
    expect(draft).toMatchObject({ start: 'earliest', partitions: '0,2', filter: '(a', filterMode: 'regex', filterOn: 'value' });
    expect(Object.keys(problems)).toEqual(['filter']);
    expect(problems.filter).toMatch(/^Invalid regular expression: /);
    const other = draftFromQuery(q('from=yesterday&filter=GET&size=0'));
    expect(other.draft.filter).toBe('GET');
    expect(other.problems.start).toMatch(/"yesterday": from must be/);
    expect(draftFromQuery(q('mode=sideways')).problems.mode).toBe('mode must be browse or live');
  });
});

describe('checkDraft', () => {
  const base = draftFromQuery(q('from=earliest')).draft;
  it('checks each field on its own', () => {
    expect(checkDraft({ ...base, start: 'offset', offset: '1.5' }, 3)).toEqual({ ok: false, problems: { offset: 'An offset is a whole number, 0 or more' } });
    expect(checkDraft({ ...base, partitions: '0,x' }, 3)).toMatchObject({
      ok: false,
      problems: { partitions: expect.stringMatching(/"x" is not a partition number/) },
    });
    expect(checkDraft({ ...base, partitions: '1,5' }, 3)).toEqual({ ok: false, problems: { partitions: 'This topic has no partition 5 (it has 0–2)' } });
    expect(checkDraft({ ...base, partitions: '5' }, null).ok).toBe(true); // not known yet: the server decides
    expect(checkDraft({ ...base, start: 'latest', mode: 'browse' }, 3)).toMatchObject({ ok: false, problems: { mode: expect.stringMatching(/choose Live/) } });
    expect(checkDraft({ ...base, size: '0' }, 3)).toMatchObject({ ok: false, problems: { size: expect.any(String) } });
  });

  it('gives the stream settings and a link that reads back the same', () => {
    const checked = checkDraft({ ...base, partitions: '2, 0', filter: 'GET', size: '100' }, 3);
    expect(checked).toMatchObject({
      ok: true,
      mode: 'browse',
      size: 100,
      params: { from: { kind: 'earliest' }, partitions: [0, 2], filter: { pattern: 'GET', mode: 'substring', on: 'any' }, live: false },
    });
    if (!checked.ok) return;
    const link = formQuery(checked, q('max=20000&from=latest&mode=live'));
    expect(link).toBe('from=earliest&size=100&partitions=0%2C2&filter=GET&max=20000');
    const again = draftFromQuery(q(link));
    expect(again.problems).toEqual({});
    expect(checkDraft(again.draft, 3)).toEqual(checked);
  });
});

describe('isolation and decode', () => {
  it('read from a link, checked, and written back only when not the default', () => {
    const { draft, problems } = draftFromQuery(q('from=earliest&isolation=read_committed&decode=hex'));
    expect(problems).toEqual({});
    expect(draft).toMatchObject({ isolation: 'read_committed', decode: 'hex' });
    const checked = checkDraft(draft, 3);
    expect(checked).toMatchObject({ ok: true, params: { isolation: 'read_committed', decode: 'hex' } });
    expect(formQuery(checked as Extract<typeof checked, { ok: true }>, q(''))).toBe('from=earliest&isolation=read_committed&decode=hex');
    const plain = checkDraft(draftFromQuery(q('from=earliest')).draft, 3);
    expect(formQuery(plain as Extract<typeof plain, { ok: true }>, q(''))).toBe('from=earliest');
  });

  it('a bad value in a link marks its own field', () => {
    const { draft, problems } = draftFromQuery(q('from=earliest&isolation=dirty&decode=xml&filter=GET'));
    expect(problems).toEqual({
      isolation: 'isolation must be read_uncommitted or read_committed',
      decode: expect.stringMatching(/^decode must be one of auto, text/),
    });
    expect(draft).toMatchObject({ isolation: 'read_uncommitted', decode: 'auto', filter: 'GET' });
  });
});

describe('viewFromQuery', () => {
  it('shows Browse oldest first and Live newest first unless the link says otherwise', () => {
    expect(viewFromQuery(q(''), 'browse')).toEqual({ max: 5000, newestFirst: false });
    expect(viewFromQuery(q(''), 'live')).toEqual({ max: 5000, newestFirst: true });
    expect(viewFromQuery(q('order=oldest&max=20000'), 'live')).toEqual({ max: 20000, newestFirst: false });
  });
});
