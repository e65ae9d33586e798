import type { FleetObservation, LoadObservation } from '../../sim/index.ts';
import { perObservation } from './per-observation.ts';

/**
 * The last load list counted and its per-node load counts. Observations hand out the same (frozen)
 * view for a load that did not change, so the next count only revisits loads whose view differs.
 */
let lastCount: { loads: readonly LoadObservation[]; perNode: Uint16Array; flags: Uint8Array } | null = null;

/**
 * Per-node flags: 1 where a load rests. Computed once per observation and shared by the
 * assigner, planner and executor of a control tick: treat it as read-only (copy to mark nodes).
 */
export const restingLoadNodes: (observation: FleetObservation) => Readonly<Uint8Array> = perObservation(countRestingLoads);

function countRestingLoads(observation: FleetObservation): Uint8Array {
  const loads = observation.loads;
  const nodeCount = observation.roadmap.nodeCount;
  const last = lastCount;
  if (!last || last.loads.length !== loads.length || last.perNode.length !== nodeCount) {
    const perNode = new Uint16Array(nodeCount);
    const flags = new Uint8Array(nodeCount);
    for (const load of loads) {
      if (load.node === null) continue;
      perNode[load.node] = perNode[load.node]! + 1;
      flags[load.node] = 1;
    }
    lastCount = { loads, perNode, flags };
    return flags;
  }
  if (last.loads === loads) return last.flags;
  const perNode = last.perNode;
  const flags = last.flags.slice();
  for (let l = 0; l < loads.length; l++) {
    const before = last.loads[l]!;
    const now = loads[l]!;
    if (before === now) continue;
    if (before.node !== null && --perNode[before.node]! === 0) flags[before.node] = 0;
    if (now.node !== null && perNode[now.node]!++ === 0) flags[now.node] = 1;
  }
  lastCount = { loads, perNode, flags };
  return flags;
}

/**
 * Manhattan distance between two nodes' centres, metres: |Δx| + |Δz|, straight along the grid
 * axes. Not the roadmap (driving) distance: it ignores one-way lanes, walls and pods in the way;
 * for that, take the length of `shortestPath(observation.roadmap, a, b)` (nodes − 1) × `cellM`.
 */
export function nodeDistanceM(observation: FleetObservation, a: number, b: number): number {
  const map = observation.roadmap;
  return Math.abs(map.nodeX[a]! - map.nodeX[b]!) + Math.abs(map.nodeZ[a]! - map.nodeZ[b]!);
}
