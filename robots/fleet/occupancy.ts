import type { FleetObservation } from '../../sim/index.ts';

/** Per-node flags: 1 where a load rests. */
export function restingLoadNodes(observation: FleetObservation): Uint8Array {
  const flags = new Uint8Array(observation.roadmap.nodeCount);
  for (const load of observation.loads) if (load.node !== null) flags[load.node] = 1;
  return flags;
}

/** Manhattan distance between two nodes, metres. */
export function nodeDistanceM(observation: FleetObservation, a: number, b: number): number {
  const map = observation.roadmap;
  return Math.abs(map.nodeX[a]! - map.nodeX[b]!) + Math.abs(map.nodeZ[a]! - map.nodeZ[b]!);
}
