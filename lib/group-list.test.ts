import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '@/lib/types/groups';
import { kafkaConsumerGroupsResetCommand } from './group-cli';
import { filterAndSortGroups, groupListViewToParams, parseGroupListView } from './group-list';

const group = (groupId: string, extra: Partial<GroupSummary>): GroupSummary => ({
  groupId,
  type: 'classic',
  state: 'Stable',
  protocolType: 'consumer',
  members: 1,
  topics: [],
  totalLag: 0,
  status: 'ok',
  statusReason: '',
  lagTrend: [],
  ...extra,
});

const groups = [
  group('billing', { totalLag: 500, status: 'lagging' }),
  group('audit', { totalLag: null, state: 'Empty', status: 'unknown' }),
  group('search-indexer', { totalLag: 20, status: 'stalled' }),
];

describe('group list', () => {
  it('sorts by lag, biggest first, unknown lag last', () => {
    expect(filterAndSortGroups(groups, { q: '', state: '', sort: 'totalLag', dir: 'desc' }).map((g) => g.groupId)).toEqual([
      'billing',
      'search-indexer',
      'audit',
    ]);
  });

  it('sorts by status severity and filters by state', () => {
    expect(filterAndSortGroups(groups, { q: '', state: '', sort: 'status', dir: 'desc' })[0].groupId).toBe('search-indexer');
    expect(filterAndSortGroups(groups, { q: '', state: 'Empty', sort: 'groupId', dir: 'asc' }).map((g) => g.groupId)).toEqual(['audit']);
  });

  it('keeps the view in the URL', () => {
    const view = { q: 'bill', state: 'Stable', sort: 'totalLag' as const, dir: 'desc' as const };
    expect(parseGroupListView(new URLSearchParams(groupListViewToParams(view)))).toEqual(view);
  });
});

describe('kafkaConsumerGroupsResetCommand', () => {
  it('writes the CLI command for each kind of reset', () => {
    expect(kafkaConsumerGroupsResetCommand('h:9092', 'g', { topic: 't', to: 'earliest', dryRun: true })).toBe(
      'kafka-consumer-groups.sh --bootstrap-server h:9092 --group g --reset-offsets --topic t --to-earliest --dry-run',
    );
    expect(kafkaConsumerGroupsResetCommand('h:9092', 'g', { topic: 't', partitions: [0, 2], to: 'shift', value: -10 })).toBe(
      'kafka-consumer-groups.sh --bootstrap-server h:9092 --group g --reset-offsets --topic t:0,2 --shift-by -10 --execute',
    );
    expect(kafkaConsumerGroupsResetCommand('h:9092', 'g', { topic: 't', to: 'timestamp', value: Date.UTC(2026, 0, 2, 3, 4, 5) })).toContain(
      '--to-datetime 2026-01-02T03:04:05.000+00:00',
    );
  });
});
