import { describe, expect, it } from 'vitest';
import type { TopicSummary } from '@/lib/types/topics';
import { pageOf } from './list-page';
import { filterTopics, sortTopics, topicPageParams, topicPageQuerySchema } from './topic-page';

const topic = (name: string, messages: number, sizeBytes: number | null = 0): TopicSummary => ({
  name,
  internal: false,
  partitions: 1,
  replicationFactor: 1,
  minReplicationFactor: 1,
  sizeBytes,
  messages,
  messagesExact: true,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
});

describe('topic pages', () => {
  const topics = Array.from({ length: 30 }, (_, i) => topic(`t-${String(i).padStart(2, '0')}`, i % 4, i === 3 ? null : i));

  it('sort all topics before cutting a page; unknown sizes last', () => {
    const bySize = sortTopics([...topics], 'sizeBytes', 'desc');
    expect(pageOf(bySize, 0, 2).map((t) => t.name)).toEqual(['t-29', 't-28']);
    expect(pageOf(bySize, 28, 10).map((t) => t.name)).toEqual(['t-00', 't-03']);
    const byMessages = sortTopics([...topics], 'messages', 'asc');
    expect(pageOf(byMessages, 0, 3).map((t) => t.name)).toEqual(['t-00', 't-04', 't-08']);
  });

  it('search keeps the order and leaves the list as it is without terms', () => {
    const sorted = sortTopics([...topics], 'name', 'desc');
    expect(filterTopics(sorted, 't-1').map((t) => t.name)).toEqual(['t-19', 't-18', 't-17', 't-16', 't-15', 't-14', 't-13', 't-12', 't-11', 't-10']);
    expect(filterTopics(sorted, ' ')).toBe(sorted);
  });

  it('reads and refuses query strings', () => {
    const parse = (q: string) => topicPageQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(q)));
    expect(parse('limit=20&offset=40&sort=messages&dir=desc&internal=true').data).toEqual({
      limit: 20,
      offset: 40,
      q: '',
      sort: 'messages',
      dir: 'desc',
      internal: 'true',
    });
    expect(parse('limit=0').error?.issues[0].message).toBe('limit must be between 1 and 1,000');
    expect(parse('limit=10&sort=owner').error?.issues[0].message).toContain('sort must be one of name');
    expect(topicPageParams({ q: 'orders', sort: 'name', dir: 'asc', internal: false }, 2)).toBe('limit=100&offset=100&q=orders');
  });
});
