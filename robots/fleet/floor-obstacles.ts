import type { FleetObservation } from '../../sim/index.ts';
import { perObservation } from './per-observation.ts';

/**
 * Per-node flags: 1 where something that is not a robot or a resting load stands in the way now —
 * every kind whose observation lists `blockedNodes` (people, a blocked aisle, a dropped tote).
 * Shared by the planner and executor of a control tick; all zero on a floor without such things.
 */
export const floorBlockedNodes: (observation: FleetObservation) => Readonly<Uint8Array> = perObservation((observation) => {
  const flags = new Uint8Array(observation.roadmap.nodeCount);
  for (const view of Object.values(observation.things)) {
    const nodes = (view as { blockedNodes?: unknown } | null)?.blockedNodes;
    if (!Array.isArray(nodes)) continue;
    for (const n of nodes) if (Number.isInteger(n) && n >= 0 && n < flags.length) flags[n] = 1;
  }
  return flags;
});

/** Whether any node is blocked by something other than robots and loads in this observation. */
export function anyFloorBlocked(observation: FleetObservation): boolean {
  return floorBlockedNodes(observation).includes(1);
}
