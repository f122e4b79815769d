// Client quotas through the API, checked with kafka-configs --describe. Only entities made up here
// (a user, a client id, the user's default client id, an IP nobody uses): nothing global, so other
// clients on the shared cluster are never throttled. Everything set here is removed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { entityKey } from '@/lib/quota-entity';
import type { ClientQuota, QuotaEntity } from '@/lib/types/quotas';
import { call } from '../support/api';
import { kafkaCli, settled } from '../support/kafka-cli';
import { viewerSession } from '../support/roles';

const stamp = Date.now();
const user = `it-quser-${stamp}`;
const client = `it-qclient-${stamp}`;
const ip = `10.${(stamp >> 16) & 255}.${(stamp >> 8) & 255}.${stamp & 255}`;

vi.stubEnv('KAFKA_CLUSTERS', JSON.stringify([{ name: 'local', brokers: LOCAL_BOOTSTRAP }]));

let quotas: typeof import('@/app/api/clusters/[cluster]/quotas/route');
let asViewer: Awaited<ReturnType<typeof viewerSession>>;

/** kafka-configs arguments naming an entity. */
function cliEntity(entity: QuotaEntity): string[] {
  const part = (type: string, name: string | null | undefined) =>
    name === undefined ? [] : ['--entity-type', type, ...(name === null ? ['--entity-default'] : ['--entity-name', name])];
  return [...part('users', entity.user), ...part('clients', entity.clientId), ...part('ips', entity.ip)];
}

/** kafka-configs' quota values for exactly this entity ("a=1.0, b=2.0", sorted), '' for none. */
function cliQuotas(entity: QuotaEntity): string {
  const line = kafkaCli('configs', '--describe', ...cliEntity(entity))
    .split('\n')
    .find((l) => l.startsWith('Quota configs for '));
  return line ? line.split(' are ')[1].split(', ').sort().join(', ') : '';
}

const put = (body: unknown) => call(quotas.PUT, { cluster: 'local' }, { method: 'PUT', body });
const dryRun = (body: unknown) => call(quotas.PUT, { cluster: 'local' }, { method: 'PUT', body, url: 'http://localhost/api?dryRun=true' });
const list = async () => (await call(quotas.GET, { cluster: 'local' })).body.quotas as ClientQuota[];
const sameEntity = (a: QuotaEntity, b: QuotaEntity) => entityKey(a) === entityKey(b);
const listed = async (entity: QuotaEntity) => (await list()).find((q) => sameEntity(q.entity, entity));

const ENTITIES: QuotaEntity[] = [{ user }, { clientId: client }, { user, clientId: client }, { user, clientId: null }, { ip }];

beforeAll(async () => {
  asViewer = await viewerSession();
  quotas = await import('@/app/api/clusters/[cluster]/quotas/route');
});

afterAll(() => {
  // Only the keys each entity still has: kafka-configs refuses a --delete-config naming one not set,
  // and would then leave the others behind.
  try {
    for (const entity of ENTITIES) {
      const left = cliQuotas(entity)
        .split(', ')
        .filter(Boolean)
        .map((pair) => pair.split('=')[0]!);
      if (left.length) kafkaCli('configs', '--alter', ...cliEntity(entity), '--delete-config', left.join(','));
    }
  } finally {
    vi.unstubAllEnvs();
  }
});

// kafka-configs starts a JVM per call: seconds each on a busy machine.
const SLOW = 300_000;

describe('client quotas', () => {
  it(
    'sets quotas on a user, a client id, both, the user’s default client id and an IP, as kafka-configs shows',
    async () => {
      const changes: [QuotaEntity, Record<string, number>, string][] = [
        [{ user }, { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 }, 'consumer_byte_rate=2097152.0, producer_byte_rate=1048576.0'],
        [{ clientId: client }, { request_percentage: 50.5 }, 'request_percentage=50.5'],
        [{ user, clientId: client }, { producer_byte_rate: 4096 }, 'producer_byte_rate=4096.0'],
        [{ user, clientId: null }, { controller_mutation_rate: 10 }, 'controller_mutation_rate=10.0'],
        [{ ip }, { connection_creation_rate: 5 }, 'connection_creation_rate=5.0'],
      ];
      for (const [entity, values, cli] of changes) {
        const answer = await put({ entity, values });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body).toEqual({ entity, values, dryRun: false });
        expect(await settled(() => cliQuotas(entity), cli)).toBe(cli);
      }
      const all = await list();
      for (const [entity, values] of changes) expect(all.find((q) => sameEntity(q.entity, entity))).toEqual({ entity, values });
      // The user's default client id is a null name, not a missing one, and not the global default.
      expect(all.some((q) => sameEntity(q.entity, { clientId: null }) && 'controller_mutation_rate' in q.values)).toBe(false);
    },
    SLOW,
  );

  it(
    'changes one value and removes another with null, leaving the rest',
    async () => {
      const answer = await put({ entity: { user }, values: { producer_byte_rate: 524288, consumer_byte_rate: null } });
      expect(answer.status).toBe(200);
      expect(answer.body.values).toEqual({ producer_byte_rate: 524288 });
      expect(await settled(() => cliQuotas({ user }), 'producer_byte_rate=524288.0')).toBe('producer_byte_rate=524288.0');
      expect((await listed({ user }))?.values).toEqual({ producer_byte_rate: 524288 });
    },
    SLOW,
  );

  it(
    '?dryRun=true has Kafka validate the change and answers what would change, changing nothing',
    async () => {
      const accepted = await dryRun({ entity: { user }, values: { producer_byte_rate: 1000, consumer_byte_rate: 2000, request_percentage: null } });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body).toEqual({
        entity: { user },
        values: { producer_byte_rate: 1000, consumer_byte_rate: 2000 },
        dryRun: true,
        changes: [
          { key: 'producer_byte_rate', from: 524288, to: 1000 },
          { key: 'consumer_byte_rate', from: null, to: 2000 },
        ],
      });
      expect(await settled(() => cliQuotas({ user }), 'producer_byte_rate=524288.0')).toBe('producer_byte_rate=524288.0');
      // The broker's own refusal, as a real change would get it.
      const refused = await dryRun({ entity: { user }, values: { producer_byte_rate: 1.5 } });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.message).toMatch(/fractional/);
      expect(await settled(() => cliQuotas({ user }), 'producer_byte_rate=524288.0')).toBe('producer_byte_rate=524288.0');
      expect((await listed({ user }))?.values).toEqual({ producer_byte_rate: 524288 });
    },
    SLOW,
  );

  it(
    'refuses bad input with 400 and changes nothing',
    async () => {
      const cases: [unknown, RegExp][] = [
        [{ entity: { user }, values: { produce_rate: 1 } }, /not a user\/client quota/],
        [{ entity: { user }, values: { connection_creation_rate: 1 } }, /not a user\/client quota/],
        [{ entity: { ip }, values: { producer_byte_rate: 1 } }, /not a ip quota/],
        [{ entity: { user, ip }, values: { producer_byte_rate: 1 } }, /ip quota stands alone/],
        [{ entity: {}, values: { producer_byte_rate: 1 } }, /needs a user, a clientId or an ip/],
        [{ entity: { group: 'g' }, values: { producer_byte_rate: 1 } }, /only have user, clientId and ip/],
        [{ entity: { user: '' }, values: { producer_byte_rate: 1 } }, /must not be empty/],
        [{ entity: { user }, values: {} }, /at least one quota/],
        [{ entity: { user }, values: { producer_byte_rate: -1 } }, /0 or more/],
        [{ entity: { user }, values: { producer_byte_rate: '1' } }, /number, or null/],
        // The broker's own refusal: the whole entry is rejected, the other value is not applied either.
        [{ entity: { user }, values: { request_percentage: 20, producer_byte_rate: 1.5 } }, /fractional/],
      ];
      for (const [body, message] of cases) {
        const answer = await put(body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(answer.body.error.message).toMatch(message);
      }
      expect(await settled(() => cliQuotas({ user }), 'producer_byte_rate=524288.0')).toBe('producer_byte_rate=524288.0');
      expect(await settled(() => cliQuotas({ ip }), 'connection_creation_rate=5.0')).toBe('connection_creation_rate=5.0');
    },
    SLOW,
  );

  it(
    'refuses changes when READ_ONLY and for the viewer role (403), and changes nothing',
    async () => {
      vi.stubEnv('READ_ONLY', 'true');
      try {
        const refused = await put({ entity: { user }, values: { producer_byte_rate: null } });
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('READ_ONLY');
        // Like the ACL delete's preview, a dry run is a change request: refused too.
        expect((await dryRun({ entity: { user }, values: { producer_byte_rate: null } })).status).toBe(403);
      } finally {
        vi.stubEnv('READ_ONLY', '');
      }
      const viewer = await asViewer('PUT', 'http://localhost/api/clusters/local/quotas');
      expect(viewer.status).toBe(403);
      expect((await asViewer('GET', 'http://localhost/api/clusters/local/quotas')).passed).toBe(true);
      expect(await settled(() => cliQuotas({ user }), 'producer_byte_rate=524288.0')).toBe('producer_byte_rate=524288.0');
    },
    SLOW,
  );

  it(
    'removes every value it set: the entities leave the list and kafka-configs shows none',
    async () => {
      const removals: [QuotaEntity, string[]][] = [
        [{ user }, ['producer_byte_rate']],
        [{ clientId: client }, ['request_percentage']],
        [{ user, clientId: client }, ['producer_byte_rate']],
        [{ user, clientId: null }, ['controller_mutation_rate']],
        [{ ip }, ['connection_creation_rate']],
      ];
      for (const [entity, keys] of removals) {
        const answer = await put({ entity, values: Object.fromEntries(keys.map((k) => [k, null])) });
        expect(answer.status).toBe(200);
        expect(answer.body.values).toEqual({});
        expect(await settled(() => cliQuotas(entity), '')).toBe('');
      }
      const all = await list();
      for (const [entity] of removals) expect(all.find((q) => sameEntity(q.entity, entity))).toBeUndefined();
    },
    SLOW,
  );
});
