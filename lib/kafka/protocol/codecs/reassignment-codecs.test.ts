import { describe, expect, it } from 'vitest';
import { alterPartitionReassignments } from './alter-partition-reassignments';
import { capturedReassignments as captured } from './captured-reassignments.fixtures';
import { listPartitionReassignments } from './list-partition-reassignments';

const topic = 'capture-reassign-1795695960';

/** The request body after the v1 header (api key, version, correlation id, client id): what encode() writes. */
function body(frameHex: string): Buffer {
  const frame = Buffer.from(frameHex, 'hex');
  const clientIdLength = frame.readInt16BE(8);
  return frame.subarray(10 + clientIdLength);
}
const timeoutOf = (frameHex: string) => body(frameHex).readInt32BE(1);

describe('AlterPartitionReassignments against kafka-reassign-partitions', () => {
  it("writes --execute's request byte for byte (v1, a replication factor change included)", () => {
    const { request, version } = captured.alterExecute;
    const encoded = alterPartitionReassignments.encode(
      {
        timeoutMs: timeoutOf(request),
        allowReplicationFactorChange: true,
        topics: [
          {
            name: topic,
            partitions: [
              { partition: 0, replicas: [1] },
              { partition: 1, replicas: [2] },
              { partition: 2, replicas: [0, 1] },
            ],
          },
        ],
      },
      version,
    );
    expect(encoded.toString('hex')).toBe(body(request).toString('hex'));
  });

  it("writes --cancel's null replica lists byte for byte", () => {
    const { request, version } = captured.alterCancel;
    const encoded = alterPartitionReassignments.encode(
      {
        timeoutMs: timeoutOf(request),
        allowReplicationFactorChange: true,
        topics: [{ name: topic, partitions: [0, 1, 2].map((partition) => ({ partition, replicas: null })) }],
      },
      version,
    );
    expect(encoded.toString('hex')).toBe(body(request).toString('hex'));
  });

  it("reads the broker's answer: every partition accepted", () => {
    const decoded = alterPartitionReassignments.decode(Buffer.from(captured.alterExecute.response, 'hex'), 1);
    expect(decoded).toEqual({
      errorCode: 0,
      errorMessage: null,
      partitions: [0, 1, 2].map((partition) => ({ topic, partition, errorCode: 0, errorMessage: null })),
    });
  });

  it('writes v0 without the replication-factor flag', () => {
    const v0 = alterPartitionReassignments.encode({ timeoutMs: 1, allowReplicationFactorChange: false, topics: [] }, 0);
    expect(v0.toString('hex')).toBe('00' + '00000001' + '01' + '00');
  });
});

describe('ListPartitionReassignments against kafka-reassign-partitions', () => {
  it("writes --list's request (every partition) byte for byte", () => {
    const { request } = captured.listAll;
    expect(listPartitionReassignments.encode({ timeoutMs: timeoutOf(request), topics: null }, 0).toString('hex')).toBe(body(request).toString('hex'));
  });

  it('writes the request for named partitions byte for byte', () => {
    const { request } = captured.listSome;
    const encoded = listPartitionReassignments.encode({ timeoutMs: timeoutOf(request), topics: [{ name: topic, partitions: [1, 2, 0] }] }, 0); // the tool's own order
    expect(encoded.toString('hex')).toBe(body(request).toString('hex'));
  });

  it('reads the moves in progress with the replicas being added and removed, as --list printed them', () => {
    // --list printed: -0: replicas 1,0 adding 1 removing 0; -1: replicas 2,0 adding 2 removing 0; -2: replicas 0,1 adding 1.
    const decoded = listPartitionReassignments.decode(Buffer.from(captured.listAll.response, 'hex'), 0);
    expect(decoded).toEqual({
      errorCode: 0,
      errorMessage: null,
      reassignments: [
        { topic, partition: 0, replicas: [1, 0], adding: [1], removing: [0] },
        { topic, partition: 1, replicas: [2, 0], adding: [2], removing: [0] },
        { topic, partition: 2, replicas: [0, 1], adding: [1], removing: [] },
      ],
    });
  });

  it('reads an empty answer when nothing moves', () => {
    expect(listPartitionReassignments.decode(Buffer.from(captured.listBeforeExecute.response, 'hex'), 0)).toEqual({
      errorCode: 0,
      errorMessage: null,
      reassignments: [],
    });
  });
});
