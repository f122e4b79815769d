import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as uploadRoute from '@/app/api/clusters/[cluster]/topics/[topic]/messages/upload/route';
import type { UploadProgress } from '@/lib/types/messages';
import { parseGetOffsets } from '../support/describe-parse';
import { failoverTopic } from '../support/failover';
import { clusterScript, kafkaCli } from '../support/kafka-cli';

// A file upload while broker 2 is killed and restarted: the upload either finishes or stops, and
// what it reports as written is exactly what the partitions' logs gained.
const { topic } = failoverTopic('it-upload-failover');
const LINES = 300_000;
const CHUNK = 5_000;

/** start-broker without blocking this process's event loop (the upload runs in it). */
const startBroker = (id: number) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '..', '..', 'cluster', 'cluster.mjs'), 'start-broker', String(id)], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`start-broker exited ${code}`))));
  });

describe('a file upload through a broker failure', () => {
  it('reports exactly what the logs gained while broker 2 dies and comes back', async () => {
    const encoder = new TextEncoder();
    let sent = 0;
    let restarted: Promise<void> | null = null;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= LINES) return controller.close();
        if (sent === 10 * CHUNK) clusterScript('kill-broker', '2');
        if (sent === 30 * CHUNK) restarted = startBroker(2);
        await new Promise((resolve) => setTimeout(resolve, 50));
        let chunk = '';
        for (let n = 0; n < CHUNK; n++) chunk += `line ${sent++} ${'x'.repeat(100)}\n`;
        controller.enqueue(encoder.encode(chunk));
      },
    });
    type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const request = new Request('http://localhost/api?partitioner=round-robin', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const response = await (uploadRoute.POST as Handler)(request, { params: Promise.resolve({ cluster: 'local', topic }) });
    const updates = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as UploadProgress);
    await restarted;
    const last = updates.at(-1)!;
    process.stdout.write(
      `upload through a broker kill: ${last.type}, written ${last.written} of ${LINES}${last.type === 'error' ? ` (${last.message})` : ''}\n`,
    );

    const ends = parseGetOffsets(kafkaCli('get-offsets', '--topic', topic, '--time', '-1'));
    const inLog = [...ends.values()].reduce((a, b) => a + b, 0);
    expect(['done', 'error']).toContain(last.type);
    expect(last.written).toBeGreaterThan(10 * CHUNK); // the part before the kill at least
    expect(inLog).toBe(last.written);
    for (const [partition, end] of ends) expect(end).toBe(last.writtenPerPartition[partition] ?? 0);
    if (last.type === 'done') expect(last.written).toBe(LINES);
  }, 300_000);
});
