import type { PlannedPartition, ReassignmentPlan } from '@/lib/types/reassignments';

/**
 * The reassignment planner: given where the chosen topics' partitions are and which brokers they
 * should live on, proposes new replica lists. Pure, no I/O. In order of importance:
 *  1. every partition gets its replication factor (or the requested one) of distinct target brokers;
 *  2. replicas are spread over racks as far as the racks allow (with as many racks as replicas, no
 *     two on one rack);
 *  3. replicas, then preferred leaders (the first replica), are balanced per broker;
 *  4. as few replicas as possible move: what already sits on a fitting broker stays.
 * Balance counts the chosen topics' replicas only, as `kafka-reassign-partitions --generate` does.
 */
export interface PlanInput {
  partitions: { topic: string; partition: number; replicas: number[]; sizeBytes: number }[];
  brokers: { id: number; rack: string | null }[];
  replicationFactor?: number;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

interface Slot {
  current: number[];
  replicas: number[];
  sizeBytes: number;
}

/** Adds `delta` to a counter kept in a Map (broker ids are numbers, never object keys). */
const bump = (counts: Map<number, number>, id: number, delta: number) => counts.set(id, (counts.get(id) ?? 0) + delta);

/**
 * The most replicas of one partition a rack may hold: the smallest m with which the racks still
 * fit `rf` replicas (a rack holds at most m, and at most its broker count). With as many racks as
 * replicas that is 1. A broker without a rack counts as a rack of its own.
 */
export function maxPerRack(rackSizes: number[], rf: number): number {
  for (let m = 1; m <= rf; m++) if (rackSizes.reduce((sum, size) => sum + Math.min(m, size), 0) >= rf) return m;
  return rf;
}

export function planReassignment(input: PlanInput): ReassignmentPlan {
  const brokerIds = input.brokers.map((b) => b.id);
  if (brokerIds.length === 0) throw new PlanError('Choose at least one target broker');
  if (new Set(brokerIds).size !== brokerIds.length) throw new PlanError('A target broker is listed twice');
  const rf = input.replicationFactor;
  if (rf !== undefined && (!Number.isInteger(rf) || rf < 1)) throw new PlanError('The replication factor must be a whole number of at least 1');

  const rackOf = new Map(input.brokers.map((b) => [b.id, b.rack ?? `\u0000broker-${b.id}`]));
  const rackSizes = new Map<string, number>();
  for (const rack of rackOf.values()) rackSizes.set(rack, (rackSizes.get(rack) ?? 0) + 1);
  const targets = new Set(brokerIds);
  const load = new Map<number, number>(brokerIds.map((id) => [id, 0]));
  const limitFor = new Map<number, number>();
  const rackLimit = (size: number) => {
    if (!limitFor.has(size)) limitFor.set(size, maxPerRack([...rackSizes.values()], size));
    return limitFor.get(size)!;
  };
  const rackCount = (replicas: number[], rack: string) => replicas.filter((r) => rackOf.get(r) === rack).length;

  // 1. Keep what sits on target brokers, then trim to the replication factor and the rack limit,
  // dropping from the most loaded brokers first (the current leader last).
  const slots: Slot[] = input.partitions.map((p) => {
    const size = rf ?? p.replicas.length;
    if (size > brokerIds.length) {
      throw new PlanError(
        `${p.topic}-${p.partition} needs ${size} replicas but only ${brokerIds.length} target broker${brokerIds.length === 1 ? '' : 's'} are chosen`,
      );
    }
    if (size < 1) throw new PlanError(`${p.topic}-${p.partition} has no replicas`);
    const replicas = [...new Set(p.replicas)].filter((id) => targets.has(id));
    for (const id of replicas) bump(load, id, 1);
    return { current: p.replicas, replicas, sizeBytes: p.sizeBytes };
  });
  for (const slot of slots) {
    const size = rf ?? slot.current.length;
    const limit = rackLimit(size);
    const drop = (candidates: number[]) => {
      const victim = [...candidates].sort((a, b) => load.get(b)! - load.get(a)! || Number(a === slot.current[0]) - Number(b === slot.current[0]) || b - a)[0];
      slot.replicas = slot.replicas.filter((id) => id !== victim);
      bump(load, victim, -1);
    };
    for (;;) {
      const crowded = slot.replicas.filter((id) => rackCount(slot.replicas, rackOf.get(id)!) > limit);
      if (crowded.length === 0) break;
      drop(crowded);
    }
    while (slot.replicas.length > size) drop(slot.replicas);
  }

  // 2. Fill each partition up from the least loaded brokers that keep it within the rack limit.
  const fits = (replicas: number[], id: number, limit: number) => !replicas.includes(id) && rackCount(replicas, rackOf.get(id)!) < limit;
  for (const slot of slots) {
    const size = rf ?? slot.current.length;
    while (slot.replicas.length < size) {
      const choice = brokerIds.filter((id) => fits(slot.replicas, id, rackLimit(size))).sort((a, b) => load.get(a)! - load.get(b)! || a - b)[0];
      if (choice === undefined) throw new PlanError('The target brokers cannot hold the replicas within the rack limits');
      slot.replicas.push(choice);
      bump(load, choice, 1);
    }
  }

  balanceReplicas(slots, brokerIds, load, (replicas, id, size) => fits(replicas, id, rackLimit(size)), rf);
  const leaders = balanceLeaders(slots, brokerIds);

  const partitions: PlannedPartition[] = input.partitions.map((p, i) => {
    const { replicas } = slots[i];
    const leader = leaders[i];
    const rest = [...p.replicas.filter((id) => id !== leader && replicas.includes(id)), ...replicas.filter((id) => id !== leader && !p.replicas.includes(id))];
    return { topic: p.topic, partition: p.partition, current: p.replicas, proposed: [leader, ...rest] };
  });
  let moves = 0;
  let bytesToMove = 0;
  partitions.forEach((p, i) => {
    const added = p.proposed.filter((id) => !p.current.includes(id)).length;
    moves += added;
    bytesToMove += added * slots[i].sizeBytes;
  });
  return { partitions, moves, bytesToMove };
}

/**
 * Moves replicas from the fullest brokers to ones holding at least two fewer, until no such move
 * fits: each move lowers the sum of squared loads, so it ends, and the spread never grows.
 * Replicas this plan added move first (moving them costs nothing), then the smallest partitions.
 */
function balanceReplicas(
  slots: Slot[],
  brokerIds: number[],
  load: Map<number, number>,
  fits: (replicas: number[], id: number, size: number) => boolean,
  rf: number | undefined,
) {
  for (;;) {
    const byLoad = [...brokerIds].sort((a, b) => load.get(b)! - load.get(a)! || a - b);
    const max = load.get(byLoad[0])!;
    let moved = false;
    for (const from of byLoad.filter((id) => load.get(id) === max)) {
      for (const to of [...byLoad].reverse().filter((id) => load.get(id)! <= max - 2)) {
        let best: { slot: Slot; rank: number } | null = null;
        for (const slot of slots) {
          if (!slot.replicas.includes(from)) continue;
          const without = slot.replicas.filter((id) => id !== from);
          if (!fits(without, to, rf ?? slot.current.length)) continue;
          const rank = (slot.current.includes(from) ? 2 : 0) + (slot.current.includes(to) ? 0 : 1);
          if (!best || rank < best.rank || (rank === best.rank && slot.sizeBytes < best.slot.sizeBytes)) best = { slot, rank };
        }
        if (!best) continue;
        best.slot.replicas = best.slot.replicas.map((id) => (id === from ? to : id));
        bump(load, from, -1);
        bump(load, to, 1);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) return;
  }
}

/**
 * Picks each partition's preferred leader among its replicas: the current leader where it stays,
 * then shifted along "cost-reducing paths" (a leads p, p has replica b, b leads q, … ending on a
 * broker leading at least two fewer than a) until none is left — which makes the leader counts
 * as even as these replica sets allow (Harvey et al., semi-matchings).
 */
function balanceLeaders(slots: Slot[], brokerIds: number[]): number[] {
  const count = new Map<number, number>(brokerIds.map((id) => [id, 0]));
  const leaders = new Array<number>(slots.length);
  slots.forEach((slot, i) => {
    if (slot.replicas.includes(slot.current[0])) {
      leaders[i] = slot.current[0];
      bump(count, leaders[i], 1);
    }
  });
  slots.forEach((slot, i) => {
    if (leaders[i] !== undefined) return;
    leaders[i] = [...slot.replicas].sort((a, b) => count.get(a)! - count.get(b)! || a - b)[0];
    bump(count, leaders[i], 1);
  });
  for (;;) {
    let shifted = false;
    for (const source of [...brokerIds].sort((a, b) => count.get(b)! - count.get(a)!)) {
      // Breadth-first from `source`: reach[b] = the partition whose leadership would pass to b.
      const reach = new Map<number, number>([[source, -1]]);
      const queue = [source];
      let end: number | undefined;
      while (queue.length > 0 && end === undefined) {
        const at = queue.shift()!;
        slots.forEach((slot, i) => {
          if (leaders[i] !== at || end !== undefined) return;
          for (const next of slot.replicas) {
            if (reach.has(next)) continue;
            reach.set(next, i);
            if (count.get(next)! <= count.get(source)! - 2) {
              end = next;
              return;
            }
            queue.push(next);
          }
        });
      }
      if (end === undefined) continue;
      bump(count, source, -1);
      bump(count, end, 1);
      for (let at = end; at !== source; ) {
        const i = reach.get(at)!;
        const previous = leaders[i];
        leaders[i] = at;
        at = previous;
      }
      shifted = true;
      break;
    }
    if (!shifted) return leaders;
  }
}
