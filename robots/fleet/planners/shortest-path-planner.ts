import { shortestPath } from '../../../sim/index.ts';
import { floorBlockedNodes } from '../floor-obstacles.ts';
import { laneEntryRoadmap } from '../lane-fed-nodes.ts';
import { restingLoadNodes } from '../occupancy.ts';
import type { Planner } from '../fleet-parts.ts';

/** Options of {@link createShortestPathPlanner}. */
export interface ShortestPathOptions {
  /**
   * Extra cost (metres) for entering a node where another robot stands now, so routes spread
   * over parallel aisles instead of queueing in one. 0 (the default) is blind to other robots.
   */
  congestionCostM?: number;
  /**
   * Enter lane-fed nodes (pass-through points such as sortation inducts) only from the lane that
   * feeds them, never sideways: see {@link laneEntryRoadmap}. Off by default.
   */
  laneEntry?: boolean;
}

/**
 * Shortest path (A*) on the roadmap, one robot at a time. Loaded robots avoid storage nodes where
 * other loads rest. With `congestionCostM` it steers around nodes where robots stand.
 */
export function createShortestPathPlanner(options: ShortestPathOptions = {}): Planner {
  let occupied: Readonly<Uint8Array> = new Uint8Array(0);
  let obstructed: Readonly<Uint8Array> = new Uint8Array(0);
  let crowded: Uint8Array = new Uint8Array(0);
  const congestion = options.congestionCostM ?? 0;
  const laneEntry = options.laneEntry ?? false;
  return {
    name: congestion > 0 ? 'congestion-aware-path' : 'shortest-path',
    beginTick(observation) {
      occupied = restingLoadNodes(observation);
      obstructed = floorBlockedNodes(observation);
      if (congestion > 0) {
        if (crowded.length === observation.roadmap.nodeCount) crowded.fill(0);
        else crowded = new Uint8Array(observation.roadmap.nodeCount);
        const robots = observation.robots;
        for (let i = 0; i < robots.length; i++) {
          const node = robots[i]!.node;
          if (node >= 0) crowded[node] = 1;
        }
      }
    },
    plan(observation, { robot, goal, loaded, avoid, from }) {
      const start = from ?? robot.node;
      if (start < 0) return null;
      // People, blocked aisles and dropped items are kept out of (except where the robot stands or must go).
      const blocked = (n: number) => (loaded && occupied[n] === 1) || (avoid?.(n) ?? false) || (obstructed[n] === 1 && n !== start && n !== goal);
      const extraCost = congestion > 0 ? (n: number) => (crowded[n] === 1 && n !== robot.node ? congestion : 0) : undefined;
      const map = laneEntry ? laneEntryRoadmap(observation.roadmap).roadmap : observation.roadmap;
      return shortestPath(map, start, goal, extraCost ? { blocked, extraCost } : { blocked });
    },
  };
}
