import type { FleetObservation } from '../../sim/index.ts';

const restingCache = new WeakMap<FleetObservation, Uint8Array>();

/**
 * Per-node flags: 1 where a load rests. Computed once per observation and shared by the
 * assigner, planner and executor of a control tick: treat it as read-only (copy to mark nodes).
 */
export function restingLoadNodes(observation: FleetObservation): Readonly<Uint8Array> {
  let flags = restingCache.get(observation);
  if (!flags) {
    flags = new Uint8Array(observation.roadmap.nodeCount);
    for (const load of observation.loads) if (load.node !== null) flags[load.node] = 1;
    restingCache.set(observation, flags);
  }
  return flags;
}

/** Manhattan distance between two nodes, metres. */
export function nodeDistanceM(observation: FleetObservation, a: number, b: number): number {
  const map = observation.roadmap;
  return Math.abs(map.nodeX[a]! - map.nodeX[b]!) + Math.abs(map.nodeZ[a]! - map.nodeZ[b]!);
}
