import { describe, it } from 'vitest';
import * as streamRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/stream/route';
import { failoverTopic, tailThroughFailure } from '../support/failover';

// A live tail while broker 2 is killed and restarted: after leader failover it goes on, and what it
// shows is exactly what was produced — no gap, no duplicate. In-process (the request thread reads);
// tail-failover-server.test.ts runs the same through the built server's worker threads.
const failover = failoverTopic('it-failover');

describe('a live tail through a broker failure', () => {
  it('receives every produced message exactly once while broker 2 dies and comes back', async () => {
    type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    await tailThroughFailure(failover, (signal) =>
      (streamRoute.GET as Handler)(new Request('http://localhost/api?from=earliest', { signal }), {
        params: Promise.resolve({ cluster: 'local', topic: failover.topic }),
      }),
    );
  });
});
