import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failoverTopic, tailThroughFailure } from '../support/failover';
import { startServer, threadCounter, type RunningServer } from '../support/server';

// The live tail through a broker failure of tail-failover.test.ts, on the built server: there its
// Fetch requests go out from worker threads with connections of their own (lib/kafka/tail-fetch-encode.ts),
// which must find the new leaders as the request thread does.
const failover = failoverTopic('srv-failover');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ LAG_HISTORY_TOPIC: '' });
}, 120_000);
afterAll(() => server?.stop());

const workerFetches = () => threadCounter(server, 'kafka_dashboard_tail_fetches_total', 'worker');

describe('a live tail through a broker failure, in the worker threads', () => {
  it('receives every produced message exactly once while broker 2 dies and comes back', async () => {
    await tailThroughFailure(failover, (signal) =>
      fetch(`${server.url}/api/clusters/local/topics/${failover.topic}/messages/stream?from=earliest`, { signal }),
    );
    expect(await workerFetches()).toBeGreaterThan(0);
  });
});
