import type { FleetObservation } from '../../sim/index.ts';
import { perObservation } from './per-observation.ts';

/**
 * All-zero flags handed out for every observation of a floor where nothing is blocked (most
 * control ticks of most scenarios), so those ticks allocate none. Never written: one per node count.
 */
let nothingBlocked = new Uint8Array(0);

/**
 * Per-node flags: 1 where something that is not a robot or a resting load stands in the way now —
 * every kind whose observation lists `blockedNodes` (people, a blocked aisle, a dropped tote).
 * Shared by the planner and executor of a control tick, and with no blocked node by every such
 * tick: strictly read-only. All zero on a floor without such things.
 */
export const floorBlockedNodes: (observation: FleetObservation) => Readonly<Uint8Array> = perObservation((observation) => {
  const nodeCount = observation.roadmap.nodeCount;
  let flags: Uint8Array | null = null;
  for (const view of Object.values(observation.things)) {
    const nodes = (view as { blockedNodes?: unknown } | null)?.blockedNodes;
    if (!Array.isArray(nodes)) continue;
    for (const n of nodes) {
      if (!Number.isInteger(n) || n < 0 || n >= nodeCount) continue;
      flags ??= new Uint8Array(nodeCount);
      flags[n] = 1;
    }
  }
  if (flags) return flags;
  if (nothingBlocked.length !== nodeCount) nothingBlocked = new Uint8Array(nodeCount);
  return nothingBlocked;
});
