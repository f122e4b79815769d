import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TopicPartition } from '@/lib/types/topics';
import { fakeFetch } from '@/tests/support/fake-fetch';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { EditReplicasButton } from './edit-replicas-button';

const partition = (n: number, replicas: number[]) =>
  ({ partition: n, leader: replicas[0]!, replicas, isr: replicas, offlineReplicas: [] }) as unknown as TopicPartition;
/** orders: partition 0 on 1, 2, 3 and partition 1 on 2, 3, 1. */
const PARTITIONS = [partition(0, [1, 2, 3]), partition(1, [2, 3, 1])];

async function openEditor() {
  const server = fakeFetch({
    'GET /api/clusters': { body: { clusters: [{ name: 'c1', bootstrap: 'kafka-1:9092' }], readOnly: false } },
    'POST /api/clusters/c1/reassignments': { status: 202, body: { partitions: 1 } },
    'GET /api/clusters/c1/reassignments': { body: { reassignments: [] } },
  });
  const user = userEvent.setup();
  render(<EditReplicasButton cluster="c1" topic="orders" partitions={PARTITIONS} />, { wrapper: withQueryClient(testQueryClient()) });
  await user.click(await screen.findByRole('button', { name: 'Edit replicas' }));
  const posts = () => server.requests.filter((r) => r.method === 'POST').map((r) => ({ url: r.url, body: r.body }));
  return { user, posts, replicas: screen.getByLabelText('Replicas') as HTMLInputElement };
}

const submit = (n: number) => screen.getByRole('button', { name: `Reassign partition ${n}` }) as HTMLButtonElement;

describe('EditReplicasButton: the manual replica editor', () => {
  it('posts the chosen partition with the replicas typed, the preferred leader first', async () => {
    const { user, posts, replicas } = await openEditor();
    expect(replicas.value).toBe('1, 2, 3');
    await user.selectOptions(screen.getByLabelText('Partition'), '1');
    expect(replicas.value).toBe('2, 3, 1');
    await user.clear(replicas);
    await user.type(replicas, '3 1,4');
    await user.click(submit(1));
    await screen.findByRole('status');
    expect(posts()).toEqual([{ url: '/api/clusters/c1/reassignments', body: { partitions: [{ topic: 'orders', partition: 1, replicas: [3, 1, 4] }] } }]);
  });

  it('sends nothing for the current replicas or a list that is not broker ids', async () => {
    const { user, posts, replicas } = await openEditor();
    expect(submit(0).disabled).toBe(true);
    expect(screen.getByText('These are the current replicas')).toBeTruthy();
    for (const [typed, problem] of [
      ['1, 1, 2', 'Broker 1 is listed twice'],
      ['1, x', '"x" is not a broker id'],
    ]) {
      await user.clear(replicas);
      await user.type(replicas, typed!);
      expect(screen.getByText(problem!)).toBeTruthy();
      expect(submit(0).disabled).toBe(true);
      await user.type(replicas, '{Enter}');
    }
    await waitFor(() => expect(screen.getByText('"x" is not a broker id')).toBeTruthy());
    expect(posts()).toEqual([]);
  });
});
