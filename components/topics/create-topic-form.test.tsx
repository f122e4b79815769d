import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, type FakeAnswer, fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { CreateTopicForm } from './create-topic-form';

const router = vi.hoisted(() => ({ push: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const summary = (name: string, internal = false) => ({
  name,
  internal,
  partitions: 1,
  replicationFactor: 1,
  minReplicationFactor: 1,
  sizeBytes: 0,
  messages: 0,
  messagesExact: true,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
});

/** Cluster c1: two live brokers, an existing topic "orders.v1" and the internal __consumer_offsets. */
const READS: Record<string, FakeAnswer> = {
  'GET /api/clusters': { body: { clusters: [{ name: 'c1', bootstrap: 'kafka-1:9092,kafka-2:9092' }], readOnly: false } },
  'GET /api/clusters/c1': { body: { name: 'c1', brokers: [{ nodeId: 1 }, { nodeId: 2 }], offlineBrokers: [] } },
  'GET /api/clusters/c1/topics?internal=true': { body: { topics: [summary('__consumer_offsets', true), summary('orders.v1')] } },
};

/** Renders the form once the cluster is known (its live brokers set the replication factor). */
async function renderForm(routes: Record<string, FakeAnswer> = {}) {
  const server = fakeFetch({ ...READS, ...routes });
  const user = userEvent.setup();
  render(<CreateTopicForm cluster="c1" />, { wrapper: withQueryClient(testQueryClient()) });
  await screen.findByText('2 live broker(s)');
  await waitFor(() => expect(server.requests.map((r) => r.url)).toContain('/api/clusters/c1/topics?internal=true'));
  // Let the topic list settle: the name checks compare against it.
  await waitFor(() => expect(screen.getByTestId('cli-preview').textContent).toContain('kafka-1:9092'));
  return { server, user };
}

const field = (label: RegExp) => screen.getByLabelText(label);
/** The text shown inside a field's own label: where its messages belong. */
const besideField = (label: RegExp) => field(label).closest('label')!;
const posts = (server: Awaited<ReturnType<typeof renderForm>>['server']) => server.requests.filter((r) => r.method === 'POST');

beforeEach(() => {
  router.push.mockReset();
  router.back.mockReset();
});

describe('CreateTopicForm', () => {
  it('starts with 3 partitions and a replication factor of the live brokers (at most 3), and the CLI preview says so', async () => {
    await renderForm();
    expect(field(/^Partitions/)).toHaveProperty('value', '3');
    expect(field(/^Replication factor/)).toHaveProperty('value', '2');
    expect(screen.getByTestId('cli-preview').textContent).toBe(
      "kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic '<name>' --partitions 3 --replication-factor 2",
    );
  });

  it('shows a bad name against the name field, and does not submit it', async () => {
    const { server, user } = await renderForm();
    await user.type(field(/^Topic name/), 'bad name!');
    expect(within(besideField(/^Topic name/)).getByTestId('name-problem').textContent).toBe(
      'Topic name may only contain ASCII letters, digits, ".", "_" and "-"',
    );
    expect(field(/^Topic name/).getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(posts(server)).toEqual([]);
  });

  it('refuses a name that collides with an existing topic by "." vs "_", and an internal topic name', async () => {
    const { server, user } = await renderForm();
    await user.type(field(/^Topic name/), 'orders_v1');
    expect(within(besideField(/^Topic name/)).getByTestId('name-problem').textContent).toBe(
      '"orders_v1" collides with the existing topic "orders.v1": Kafka treats "." and "_" alike in metric names and refuses it',
    );
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(posts(server)).toEqual([]);
    await user.clear(field(/^Topic name/));
    await user.type(field(/^Topic name/), '__consumer_offsets');
    expect(within(besideField(/^Topic name/)).getByTestId('name-problem').textContent).toMatch(/^"__consumer_offsets" is one of Kafka's internal topics/);
  });

  it('shows count problems against their fields: partitions below 1, more replicas than live brokers', async () => {
    const { server, user } = await renderForm();
    await user.type(field(/^Topic name/), 'payments');
    await user.clear(field(/^Partitions/));
    await user.type(field(/^Partitions/), '0');
    await user.clear(field(/^Replication factor/));
    await user.type(field(/^Replication factor/), '3');
    expect(within(besideField(/^Partitions/)).getByTestId('partitions-problem').textContent).toBe('Partitions must be at least 1');
    expect(within(besideField(/^Replication factor/)).getByTestId('replication-problem').textContent).toBe(
      'Replication factor cannot exceed the 2 live broker(s)',
    );
    // With valid partitions the request would be well-formed; the live-broker rule alone must still stop it.
    await user.clear(field(/^Partitions/));
    await user.type(field(/^Partitions/), '6');
    expect(within(besideField(/^Partitions/)).queryByTestId('partitions-problem')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(posts(server)).toEqual([]);
  });

  it('says a name is required only once the user submits without one', async () => {
    const { server, user } = await renderForm();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(screen.getByRole('alert').textContent).toBe('Topic name is required');
    expect(posts(server)).toEqual([]);
  });

  it('warns when min.insync.replicas exceeds the replication factor, and shows a bad config value beside its field', async () => {
    const { user } = await renderForm();
    await user.type(field(/^Min in-sync replicas/), '3');
    expect(within(besideField(/^Min in-sync replicas/)).getByTestId('min-isr-warning').textContent).toMatch(
      /^min\.insync\.replicas \(3\) is higher than the replication factor \(2\)/,
    );
    await user.type(field(/^Max message bytes/), '1e6');
    expect(besideField(/^Max message bytes/).textContent).toContain('max.message.bytes must be a whole number, got "1e6"');
  });

  it('submits what the form shows, with the CLI preview matching it, then opens the new topic', async () => {
    const { server, user } = await renderForm({ 'POST /api/clusters/c1/topics': { status: 201, body: { name: 'payments' } } });
    await user.type(field(/^Topic name/), 'payments');
    await user.clear(field(/^Partitions/));
    await user.type(field(/^Partitions/), '6');
    await user.selectOptions(field(/^Retention/), '1 day');
    await user.selectOptions(field(/^Cleanup policy/), 'compact');
    await user.click(screen.getByRole('button', { name: 'Add config' }));
    await user.type(screen.getByLabelText('Config name 1'), 'segment.ms');
    await user.type(screen.getByLabelText('Config value 1'), '3600000');
    expect(screen.getByTestId('cli-preview').textContent).toBe(
      'kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic payments --partitions 6 --replication-factor 2 ' +
        '--config retention.ms=86400000 --config cleanup.policy=compact --config segment.ms=3600000',
    );
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/clusters/c1/topics/payments'));
    expect(posts(server)).toEqual([
      {
        method: 'POST',
        url: '/api/clusters/c1/topics',
        body: {
          name: 'payments',
          partitions: 6,
          replicationFactor: 2,
          configs: { 'retention.ms': '86400000', 'cleanup.policy': 'compact', 'segment.ms': '3600000' },
        },
      },
    ]);
  });

  it('shows the server refusal in the one failure wording, and stays on the form', async () => {
    const { user } = await renderForm({ 'POST /api/clusters/c1/topics': apiError(409, 'TOPIC_EXISTS', 'Topic "payments" already exists') });
    await user.type(field(/^Topic name/), 'payments');
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Failed to create topic: Topic "payments" already exists (TOPIC_EXISTS)');
    expect(router.push).not.toHaveBeenCalled();
  });
});
