import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as brokersRoute from '@/app/api/clusters/[cluster]/brokers/route';
import * as brokerRoute from '@/app/api/clusters/[cluster]/brokers/[broker]/route';
import type { BrokerDetails, BrokerList } from '@/lib/types/brokers';
import { call } from '../support/api';
import { parseTopicDescribe } from '../support/describe-parse';
import { kafkaCli } from '../support/kafka-cli';

const topic = `it-brokers-${Date.now()}`;

beforeAll(() => {
  kafkaCli('topics', '--create', '--topic', topic, '--partitions', '5', '--replication-factor', '2');
});

afterAll(() => {
  kafkaCli('topics', '--delete', '--topic', topic);
});

describe('brokers', () => {
  it('count leaders and replicas per broker as kafka-topics --describe does', async () => {
    const reference = new Map<number, { leaders: number; replicas: number }>();
    for (const p of parseTopicDescribe(kafkaCli('topics', '--describe'))) {
      for (const r of p.replicas) {
        const entry = reference.get(r) ?? { leaders: 0, replicas: 0 };
        entry.replicas++;
        if (r === p.leader) entry.leaders++;
        reference.set(r, entry);
      }
    }
    const { status, body } = await call(brokersRoute.GET, { cluster: 'local' });
    expect(status).toBe(200);
    const list = body as BrokerList;
    expect(list.brokers.map((b) => b.nodeId)).toEqual([0, 1, 2]);
    for (const broker of list.brokers) {
      expect({ leaders: broker.leaders, replicas: broker.replicas }).toEqual(reference.get(broker.nodeId) ?? { leaders: 0, replicas: 0 });
      expect(broker.online).toBe(true);
      expect(broker.outOfSyncReplicas).toBe(0);
    }
    const leader = Number(kafkaCli('metadata-quorum', 'describe', '--status').match(/^LeaderId:\s+(\d+)/m)?.[1]);
    expect(list.brokers.filter((b) => b.isController).map((b) => b.nodeId)).toEqual([leader]);
  });

  it('show one broker’s configs with their source, and 404/400 for bad ids', async () => {
    const { status, body } = await call(brokerRoute.GET, { cluster: 'local', broker: '1' });
    expect(status).toBe(200);
    const broker = body as BrokerDetails;
    expect(broker.rack).toBe('rack-b');
    expect(broker.configs.find((c) => c.name === 'broker.rack')).toMatchObject({ value: 'rack-b', source: 'STATIC_BROKER_CONFIG', isDefault: false });
    expect(broker.configs.find((c) => c.name === 'num.io.threads')).toMatchObject({ isDefault: true, source: 'DEFAULT_CONFIG' });
    expect((await call(brokerRoute.GET, { cluster: 'local', broker: '7' })).status).toBe(404);
    expect((await call(brokerRoute.GET, { cluster: 'local', broker: 'x' })).status).toBe(400);
  });
});
