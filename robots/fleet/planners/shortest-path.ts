import { shortestPath } from '../../../sim/index.ts';
import { restingLoadNodes } from '../occupancy.ts';
import type { Planner } from '../types.ts';

/**
 * Static shortest path (A*) on the roadmap, one robot at a time, blind to other robots.
 * Loaded robots avoid storage nodes where other loads rest.
 */
export function createShortestPathPlanner(): Planner {
  let occupied: Uint8Array = new Uint8Array(0);
  return {
    name: 'shortest-path',
    beginTick(observation) {
      occupied = restingLoadNodes(observation);
    },
    plan(observation, { robot, goal, loaded, avoid }) {
      if (robot.node < 0) return null;
      const blocked = (n: number) => (loaded && occupied[n] === 1) || (avoid?.(n) ?? false);
      return shortestPath(observation.roadmap, robot.node, goal, { blocked });
    },
  };
}
