import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { GroupPage } from './pages/group-page';
import { kafkaCli, screenshot } from './support';

/** Kafka's own CLI tool in the background (its own process group, so stopping it stops the JVM). */
function background(tool: string, ...args: string[]): ChildProcess {
  return spawn(process.execPath, ['cluster/cluster.mjs', 'tool', tool, ...args], { detached: true, stdio: 'ignore' });
}

function stop(child: ChildProcess | undefined) {
  try {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** `kafka-share-groups --describe --offsets --verbose`: start offset and lag per partition, as the page prints them. */
const cliShareOffsets = (groupId: string) =>
  kafkaCli('share-groups', '--describe', '--group', groupId, '--offsets', '--verbose')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[0] === groupId)
    .map(([, , partition, , start, lag]) => ({
      partition: Number(partition),
      start: start === '-' ? 'not started' : Number(start).toLocaleString('en-US'),
      lag: lag === '-' ? '—' : Number(lag).toLocaleString('en-US'),
    }));

/** Deletes a group with Kafka's tool, asking again while its consumer is still leaving. */
async function deleteGroup(tool: 'share-groups' | 'consumer-groups', groupId: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const listed = kafkaCli(tool, '--list')
      .split('\n')
      .map((l) => l.trim());
    if (!listed.includes(groupId)) return;
    try {
      kafkaCli(tool, '--delete', '--group', groupId);
    } catch {
      /* not empty yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const shareRow = (page: Page, topic: string, partition: number) => page.getByTestId(`share-offset-${topic}-${partition}`);

// Kafka's tools start a JVM each (a few seconds apiece on this machine), and share consumers take time to join.
test.describe.configure({ timeout: 240_000 });

test('a share group shows as a share group: type, state, start offset and lag per partition, members; no reset offered', async ({ page }) => {
  const run = Date.now();
  const topic = `e2e-share-${run}`;
  const groupId = `e2e-share-group-${run}`;
  let consumer: ChildProcess | undefined;
  try {
    await test.step('a share group that took 12 of 30 records and left', () => {
      kafkaCli('topics', '--create', '--topic', topic, '--partitions', '3', '--replication-factor', '1');
      const lines = Array.from({ length: 30 }, (_, i) => `record-${i}`).join('\n');
      execFileSync(
        process.execPath,
        [
          'cluster/cluster.mjs',
          'tool',
          'console-producer',
          '--topic',
          topic,
          '--command-property',
          'partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner',
        ],
        { input: `${lines}\n`, stdio: ['pipe', 'ignore', 'ignore'] },
      );
      kafkaCli('configs', '--alter', '--entity-type', 'groups', '--entity-name', groupId, '--add-config', 'share.auto.offset.reset=earliest');
      kafkaCli('console-share-consumer', '--topic', topic, '--group', groupId, '--max-messages', '12', '--timeout-ms', '60000');
    });

    await test.step('the groups list says "share", not "Dead"', async () => {
      await page.goto(`/clusters/local/groups?q=${groupId}`);
      await expect(page.getByRole('link', { name: groupId })).toBeVisible({ timeout: 60_000 });
      const row = page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: groupId }) });
      await expect(row.getByRole('cell').nth(1)).toHaveText('share');
      await expect(row.getByRole('cell').nth(2)).toHaveText('Empty');
      await row.getByRole('link', { name: groupId }).click();
      await expect(page.getByRole('heading', { name: groupId })).toBeVisible();
    });

    const group = new GroupPage(page);
    await test.step('start offset and lag per partition equal kafka-share-groups --describe --offsets', async () => {
      await expect(page.getByTestId('share-note')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reset offsets' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
      await expect(group.stat('Assignor')).toHaveText('simple');
      // The coordinator persists the state a moment after the consumer left: compare until both agree.
      await expect(async () => {
        const reference = cliShareOffsets(groupId);
        expect(reference).toHaveLength(3);
        for (const { partition, start, lag } of reference) {
          await expect(shareRow(page, topic, partition).getByTestId('start-offset')).toHaveText(String(start), { timeout: 1000 });
          await expect(shareRow(page, topic, partition).getByTestId('lag')).toHaveText(lag, { timeout: 1000 });
        }
      }).toPass({ timeout: 45_000 });
      await expect(group.stat('Members')).toHaveText('0');
      await screenshot(page, 'share-group-empty');
    });

    await test.step('a running share consumer shows as a member with its partitions', async () => {
      consumer = background('console-share-consumer', '--topic', topic, '--group', groupId, '--consumer-property', 'client.id=e2e-share-client');
      const members = page.getByRole('table', { name: 'Members' });
      await expect(members.getByRole('cell', { name: 'e2e-share-client' })).toBeVisible({ timeout: 45_000 });
      await expect(members.getByRole('cell', { name: `${topic}: 0, 1, 2` })).toBeVisible();
      await expect(page.getByText('Stable', { exact: true })).toBeVisible();
      await expect(shareRow(page, topic, 0).getByText('e2e-share-client')).toBeVisible();
      // It consumes the 18 records left: lag 0 everywhere.
      for (const partition of [0, 1, 2]) await expect(shareRow(page, topic, partition).getByTestId('lag')).toHaveText('0', { timeout: 45_000 });
      await screenshot(page, 'share-group-stable');
    });
  } finally {
    stop(consumer);
    await deleteGroup('share-groups', groupId);
    kafkaCli('topics', '--delete', '--topic', topic);
  }
});

test('a KIP-848 group shows its assignor; a static member its group.instance.id', async ({ page }) => {
  const run = Date.now();
  const topic = `e2e-static-${run}`;
  const groupId = `e2e-static-848-${run}`;
  const instanceId = `e2e-static-${run}`;
  let consumer: ChildProcess | undefined;
  try {
    kafkaCli('topics', '--create', '--topic', topic, '--partitions', '2', '--replication-factor', '1');
    consumer = background(
      'console-consumer',
      '--topic',
      topic,
      '--group',
      groupId,
      '--consumer-property',
      'group.protocol=consumer',
      '--consumer-property',
      `group.instance.id=${instanceId}`,
    );
    const group = new GroupPage(page);
    const members = page.getByRole('table', { name: 'Members' });
    // The group exists once the consumer has joined: open its page until it shows the member.
    await expect(async () => {
      await group.goto('local', groupId);
      await expect(members.getByTestId('instance-id')).toHaveText(instanceId, { timeout: 3000 });
    }).toPass({ timeout: 60_000 });
    await expect(group.stat('Assignor')).toHaveText('uniform');
    await expect(page.getByTitle(/KIP-848/)).toHaveText('consumer');
    await screenshot(page, 'kip848-static-member');
  } finally {
    stop(consumer);
    await deleteGroup('consumer-groups', groupId);
    kafkaCli('topics', '--delete', '--topic', topic);
  }
});
