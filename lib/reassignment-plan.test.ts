import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError, maxPerRack, planReassignment, type PlanInput } from './reassignment-plan';

const brokers = (ids: number[], racks?: (string | null)[]) => ids.map((id, i) => ({ id, rack: racks ? racks[i] : null }));
const loads = (lists: number[][], ids: number[]) => ids.map((id) => lists.filter((l) => l.includes(id)).length);
const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);

describe('planReassignment', () => {
  it('spreads a topic crowded on broker 0 over three brokers, moving only what it must', () => {
    const input: PlanInput = {
      partitions: [0, 1, 2].map((partition) => ({ topic: 't', partition, replicas: [0], sizeBytes: 100 * (partition + 1) })),
      brokers: brokers([0, 1, 2]),
    };
    const plan = planReassignment(input);
    expect(
      loads(
        plan.partitions.map((p) => p.proposed),
        [0, 1, 2],
      ),
    ).toEqual([1, 1, 1]);
    expect(plan.moves).toBe(2);
    // The two smallest partitions move: 100 + 200 bytes.
    expect(plan.bytesToMove).toBe(300);
    expect(plan.partitions.map((p) => p.current)).toEqual([[0], [0], [0]]);
  });

  it('leaves a balanced topic alone', () => {
    const partitions = [
      [0, 1],
      [1, 2],
      [2, 0],
    ].map((replicas, partition) => ({ topic: 't', partition, replicas, sizeBytes: 10 }));
    const plan = planReassignment({ partitions, brokers: brokers([0, 1, 2]) });
    expect(plan.moves).toBe(0);
    expect(plan.partitions.map((p) => p.proposed)).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
  });

  it('moves replicas off a broker left out of the targets and raises the replication factor', () => {
    const partitions = [[2], [2]].map((replicas, partition) => ({ topic: 't', partition, replicas, sizeBytes: 5 }));
    const plan = planReassignment({ partitions, brokers: brokers([0, 1]), replicationFactor: 2 });
    expect(plan.partitions.map((p) => [...p.proposed].sort())).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(new Set(plan.partitions.map((p) => p.proposed[0])).size).toBe(2);
    expect(plan.moves).toBe(4);
    expect(plan.bytesToMove).toBe(20);
  });

  it('puts the replicas of a partition on different racks', () => {
    const plan = planReassignment({
      partitions: [{ topic: 't', partition: 0, replicas: [0, 1], sizeBytes: 1 }],
      brokers: brokers([0, 1, 2, 3], ['a', 'a', 'b', 'b']),
    });
    const racks = plan.partitions[0].proposed.map((id) => (id < 2 ? 'a' : 'b'));
    expect(new Set(racks).size).toBe(2);
    expect(plan.moves).toBe(1);
  });

  it('refuses what cannot be planned', () => {
    const partitions = [{ topic: 't', partition: 0, replicas: [0], sizeBytes: 1 }];
    expect(() => planReassignment({ partitions, brokers: [] })).toThrow(PlanError);
    expect(() => planReassignment({ partitions, brokers: brokers([0, 0]) })).toThrow(/twice/);
    expect(() => planReassignment({ partitions, brokers: brokers([0, 1]), replicationFactor: 3 })).toThrow(/needs 3 replicas/);
    expect(() => planReassignment({ partitions, brokers: brokers([0]), replicationFactor: 0 })).toThrow(PlanError);
  });

  it('allows two replicas on a rack only when the racks leave no choice', () => {
    expect(maxPerRack([2, 2], 2)).toBe(1);
    expect(maxPerRack([1, 3], 3)).toBe(2);
    expect(maxPerRack([1, 5], 4)).toBe(3);
  });
});

/** A cluster of 1–6 brokers on 0–3 racks and a topic placed anywhere on it. */
const scenario = fc
  .record({ brokerCount: fc.integer({ min: 1, max: 6 }), rackCount: fc.integer({ min: 0, max: 3 }), seed: fc.integer() })
  .chain(({ brokerCount, rackCount }) => {
    const ids = Array.from({ length: brokerCount }, (_, i) => i);
    return fc.record({
      brokers: fc.tuple(
        ...ids.map((id) => (rackCount === 0 ? fc.constant(null) : fc.constantFrom(...['a', 'b', 'c'].slice(0, rackCount))).map((rack) => ({ id, rack }))),
      ),
      targets: fc.subarray(ids, { minLength: 1 }),
      rf: fc.integer({ min: 1, max: brokerCount }),
      newRf: fc.option(fc.integer({ min: 1, max: brokerCount }), { nil: undefined }),
      partitions: fc.array(fc.tuple(fc.shuffledSubarray(ids, { minLength: 1 }), fc.nat(1000)), { minLength: 1, maxLength: 12 }),
    });
  });

describe('planReassignment properties', () => {
  it('gives every partition its replication factor of distinct target brokers, racks spread where they allow', () => {
    fc.assert(
      fc.property(scenario, ({ brokers: all, targets, newRf, partitions }) => {
        const chosen = all.filter((b) => targets.includes(b.id));
        const input: PlanInput = {
          brokers: chosen,
          replicationFactor: newRf,
          partitions: partitions.map(([replicas, sizeBytes], partition) => ({ topic: 't', partition, replicas, sizeBytes })),
        };
        const needed = Math.max(...input.partitions.map((p) => newRf ?? p.replicas.length));
        if (needed > chosen.length) {
          expect(() => planReassignment(input)).toThrow(PlanError);
          return;
        }
        const plan = planReassignment(input);
        const racks = new Set(chosen.map((b) => b.rack ?? `broker-${b.id}`));
        plan.partitions.forEach((p, i) => {
          expect(p.current).toEqual(input.partitions[i].replicas);
          expect(p.proposed).toHaveLength(newRf ?? p.current.length);
          expect(new Set(p.proposed).size).toBe(p.proposed.length);
          for (const id of p.proposed) expect(targets).toContain(id);
          if (racks.size >= p.proposed.length) {
            const used = p.proposed.map((id) => chosen.find((b) => b.id === id)!.rack ?? `broker-${id}`);
            expect(new Set(used).size).toBe(used.length);
          }
        });
        expect(plan.moves).toBe(plan.partitions.reduce((n, p) => n + p.proposed.filter((id) => !p.current.includes(id)).length, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('is never worse balanced than an input that already fits the targets and racks, and never moves what it need not', () => {
    fc.assert(
      fc.property(scenario, ({ brokers: all, partitions }) => {
        const ids = all.map((b) => b.id);
        const racks = new Set(all.map((b) => b.rack ?? `broker-${b.id}`));
        const rackOf = (id: number) => all[id].rack ?? `broker-${id}`;
        // Only inputs that spread over the racks as far as they allow (else the planner must move replicas anyway).
        const rackSizes = [...racks].map((rack) => ids.filter((id) => rackOf(id) === rack).length);
        const valid = partitions.every(([replicas]) =>
          [...racks].every((rack) => replicas.filter((id) => rackOf(id) === rack).length <= maxPerRack(rackSizes, replicas.length)),
        );
        fc.pre(valid);
        const input: PlanInput = {
          brokers: all,
          partitions: partitions.map(([replicas, sizeBytes], partition) => ({ topic: 't', partition, replicas, sizeBytes })),
        };
        const plan = planReassignment(input);
        const before = loads(
          input.partitions.map((p) => p.replicas),
          ids,
        );
        const after = loads(
          plan.partitions.map((p) => p.proposed),
          ids,
        );
        expect(spread(after)).toBeLessThanOrEqual(spread(before));
        const leadersBefore = ids.map((id) => input.partitions.filter((p) => p.replicas[0] === id).length);
        const leadersAfter = ids.map((id) => plan.partitions.filter((p) => p.proposed[0] === id).length);
        // Leaders are balanced as far as the proposed replica sets allow (balanceLeaders). Replicas moved
        // for replica balance can cost leader balance: fast-check found six brokers and nine partitions
        // (four with one replica) where it went from 1 to 2. So "never worse" is claimed without moves.
        if (plan.moves === 0) expect(spread(leadersAfter)).toBeLessThanOrEqual(Math.max(spread(leadersBefore), 1));
        if (spread(before) <= 1) expect(plan.moves).toBe(0);
        if (racks.size === all.length) expect(spread(after)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
