import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './fetch';
import { apiError } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { useAlterConnectorOffsets, useConnectorOffsets, useResetConnectorOffsets } from './connect';

const OFFSETS = '/api/clusters/c1/connect/connect/connectors/src/offsets';
const READS = {
  [`GET ${OFFSETS}`]: { body: { offsets: [{ partition: { filename: '/tmp/a' }, offset: { position: 14 } }] } },
  'GET /api/clusters/c1/connect/connect/connectors/other/offsets': { body: { offsets: [] } },
};
const reads = () => [useConnectorOffsets('c1', 'connect', 'src'), useConnectorOffsets('c1', 'connect', 'other')];
const body = { offsets: [{ partition: { filename: '/tmp/a' }, offset: { position: 0 } }] };

describe('connector offsets hooks', () => {
  it("altering sends Connect's KIP-875 body with PATCH and reads that connector's offsets again, no other's", async () => {
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, [`PATCH ${OFFSETS}`]: { body: { message: 'The offsets for this connector have been altered successfully' } } },
      reads,
      mutation: () => useAlterConnectorOffsets('c1', 'connect', 'src'),
      input: body,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'PATCH', url: OFFSETS, body });
    expect(refetched).toEqual([OFFSETS]);
  });

  it("resetting sends DELETE and reads that connector's offsets again", async () => {
    const { sent, refetched } = await runMutation({
      routes: { ...READS, [`DELETE ${OFFSETS}`]: { body: { message: 'The offsets for this connector have been reset successfully' } } },
      reads,
      mutation: () => useResetConnectorOffsets('c1', 'connect', 'src'),
      input: undefined,
    });
    expect(sent).toEqual({ method: 'DELETE', url: OFFSETS, body: undefined });
    expect(refetched).toEqual([OFFSETS]);
  });

  it("a refusal carries Connect's message and code, and refreshes nothing", async () => {
    const message = 'Connectors must be in the STOPPED state before their offsets can be modified.';
    const { error, refetched } = await runMutation({
      routes: { ...READS, [`DELETE ${OFFSETS}`]: apiError(400, 'CONNECT_BAD_REQUEST', message) },
      reads,
      mutation: () => useResetConnectorOffsets('c1', 'connect', 'src'),
      input: undefined,
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'CONNECT_BAD_REQUEST', message });
    expect(refetched).toEqual([]);
  });
});
