// The global default client id's quota (`{ clientId: null }`, kafka-configs --entity-type clients
// --entity-default) through the API, checked with kafka-configs --describe. It applies to every
// client on the shared cluster without a quota of its own, so the value set is one that throttles
// nobody (10^12 bytes/s), and whatever the default held before is put back in afterAll.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { entityKey } from '@/lib/quota-entity';
import type { ClientQuota } from '@/lib/types/quotas';
import { call } from '../support/api';
import { kafkaCli, settled } from '../support/kafka-cli';

vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP }]));

const DEFAULT_CLIENT = ['--entity-type', 'clients', '--entity-default'];
const KEY = 'producer_byte_rate';
const RATE = 1e12;

let quotas: typeof import('@/app/api/clusters/[cluster]/quotas/route');
/** What kafka-configs showed on the default client id before this file: `key=value` pairs. */
let before: string[] = [];

/** kafka-configs' quota values of the default client id, sorted `key=value` pairs. */
function describedWithCli(): string[] {
  const line = kafkaCli('configs', '--describe', ...DEFAULT_CLIENT)
    .split('\n')
    .find((l) => l.startsWith('Quota configs for '));
  return line ? line.split(' are ')[1]!.split(', ').sort() : [];
}

const put = (values: Record<string, number | null>) => call(quotas.PUT, { cluster: 'local' }, { method: 'PUT', body: { entity: { clientId: null }, values } });
const listedDefault = async () =>
  ((await call(quotas.GET, { cluster: 'local' })).body.quotas as ClientQuota[]).find((q) => entityKey(q.entity) === entityKey({ clientId: null }));

beforeAll(async () => {
  quotas = await import('@/app/api/clusters/[cluster]/quotas/route');
  before = describedWithCli();
});

afterAll(() => {
  // Put back exactly what was there, whatever an assertion skipped.
  try {
    const now = describedWithCli();
    if (now.join() !== before.join()) {
      if (now.some((pair) => pair.startsWith(`${KEY}=`))) kafkaCli('configs', '--alter', ...DEFAULT_CLIENT, '--delete-config', KEY);
      if (before.length) kafkaCli('configs', '--alter', ...DEFAULT_CLIENT, '--add-config', before.join(','));
    }
  } finally {
    vi.unstubAllEnvs();
  }
});

const SLOW = 300_000;

describe('the default client id quota (--entity-type clients --entity-default)', () => {
  it(
    'is set and removed through the API, as kafka-configs --describe shows, and listed as { clientId: null }',
    async () => {
      const others = before.filter((pair) => !pair.startsWith(`${KEY}=`));
      const set = await put({ [KEY]: RATE });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body.values[KEY]).toBe(RATE);
      const withRate = [...others, `${KEY}=1.0E12`].sort();
      expect(await settled(describedWithCli, withRate)).toEqual(withRate);
      const listed = await listedDefault();
      expect(listed?.entity).toEqual({ clientId: null });
      expect(listed?.values[KEY]).toBe(RATE);

      const removed = await put({ [KEY]: null });
      expect(removed.status, JSON.stringify(removed.body)).toBe(200);
      expect(Object.hasOwn(removed.body.values, KEY)).toBe(false);
      expect(await settled(describedWithCli, others)).toEqual(others);
      expect((await listedDefault())?.values[KEY]).toBeUndefined();
    },
    SLOW,
  );
});
