import { describe, expect, it } from 'vitest';
import type { TopicSummary } from '@/lib/types/topics';
import { filterAndSortTopics, parseTopicListView, topicListViewToParams } from './topic-list';

const topic = (name: string, extra: Partial<TopicSummary> = {}): TopicSummary => ({
  name,
  internal: false,
  partitions: 1,
  replicationFactor: 1,
  minReplicationFactor: 1,
  sizeBytes: 0,
  messages: 0,
  messagesExact: true,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
  ...extra,
});

const topics = [
  topic('orders', { partitions: 12, sizeBytes: 500, messages: 10 }),
  topic('orders.dlq', { partitions: 1, sizeBytes: null, messages: 3 }),
  topic('access-log', { partitions: 6, sizeBytes: 9000, messages: 50_000 }),
  topic('payments', { partitions: 6, sizeBytes: 100, messages: 7 }),
];

describe('filterAndSortTopics', () => {
  it('searches case-insensitively by every term', () => {
    expect(filterAndSortTopics(topics, { q: 'ORD', sort: 'name', dir: 'asc' }).map((t) => t.name)).toEqual(['orders', 'orders.dlq']);
    expect(filterAndSortTopics(topics, { q: 'ord dlq', sort: 'name', dir: 'asc' }).map((t) => t.name)).toEqual(['orders.dlq']);
  });

  it('sorts numbers both ways, ties by name', () => {
    expect(filterAndSortTopics(topics, { q: '', sort: 'partitions', dir: 'desc' }).map((t) => t.name)).toEqual([
      'orders',
      'access-log',
      'payments',
      'orders.dlq',
    ]);
    expect(filterAndSortTopics(topics, { q: '', sort: 'messages', dir: 'asc' }).map((t) => t.name)).toEqual(['orders.dlq', 'payments', 'orders', 'access-log']);
  });

  it('puts unknown sizes last in either direction', () => {
    expect(filterAndSortTopics(topics, { q: '', sort: 'sizeBytes', dir: 'asc' }).at(-1)?.name).toBe('orders.dlq');
    expect(filterAndSortTopics(topics, { q: '', sort: 'sizeBytes', dir: 'desc' }).at(-1)?.name).toBe('orders.dlq');
  });
});

describe('URL state', () => {
  it('round-trips a view and drops defaults', () => {
    const view = { q: 'orders', sort: 'messages' as const, dir: 'desc' as const, internal: true };
    const query = topicListViewToParams(view);
    expect(query).toBe('?q=orders&sort=messages&dir=desc&internal=true');
    expect(parseTopicListView(new URLSearchParams(query))).toEqual(view);
    expect(topicListViewToParams({ q: '', sort: 'name', dir: 'asc', internal: false })).toBe('');
  });

  it('ignores an unknown sort key', () => {
    expect(parseTopicListView(new URLSearchParams('sort=__proto__')).sort).toBe('name');
  });
});
