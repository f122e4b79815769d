import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaCli } from '../support/kafka-cli';

const CLUSTER = path.resolve(__dirname, '..', '..', 'cluster', 'cluster.mjs');
const topic = `it-tool-server-${Date.now()}`;

/** `cluster.mjs tool …` in the warm tool server (`KAFKA_TOOL_SERVER=1`) or in a JVM of its own. */
function tool(inServer: boolean, ...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLUSTER, 'tool', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KAFKA_TOOL_SERVER: inServer ? '1' : '' },
  });
  return { status, stdout, stderr };
}

/** The suites read Kafka's tools through cluster/ToolServer.java: it must answer as the tool in its own JVM does. */
describe('Kafka tools in the warm tool server', () => {
  it('print and exit as in a JVM of their own: a success, a tool error and a bad option', () => {
    kafkaCli('topics', '--create', '--topic', topic, '--partitions', '2', '--replication-factor', '1');
    try {
      for (const args of [
        ['topics', '--describe', '--topic', topic],
        ['topics', '--describe', '--topic', `${topic}-missing`],
        ['get-offsets', '--topic', topic, '--time', '-1'],
        ['consumer-groups', '--describe', '--group', `${topic}-no-group`],
        // Arguments go over in Java's modified UTF-8: a character beyond U+FFFF as two surrogates.
        ['consumer-groups', '--describe', '--group', `${topic}-grüppe-😀`],
      ]) {
        const inServer = tool(true, ...args);
        const alone = tool(false, ...args);
        expect({ status: inServer.status, stdout: inServer.stdout }, args.join(' ')).toEqual({ status: alone.status, stdout: alone.stdout });
      }
      const badOption = tool(true, 'topics', '--no-such-option');
      expect(badOption.status).toBe(1);
      expect(badOption.stderr).toMatch(/no-such-option is not a recognized option/);
    } finally {
      kafkaCli('topics', '--delete', '--topic', topic);
    }
  });
});
