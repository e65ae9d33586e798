import type { Assigner } from '../types.ts';
import { nodeDistanceM } from '../occupancy.ts';

/**
 * Oldest ready task first, each to the idle robot nearest (Manhattan) to the task's load.
 * O(ready tasks × idle robots) per control tick, bounded by the number of idle robots.
 */
export function createNearestIdleAssigner(): Assigner {
  return {
    name: 'nearest-idle',
    assign(observation, idleRobots, readyTasks) {
      const pairs: Array<{ robot: number; task: number }> = [];
      const taken = new Set<number>();
      for (const task of readyTasks) {
        if (taken.size === idleRobots.length) break;
        const loadNode = observation.loads[task.load]!.node;
        if (loadNode === null) continue;
        let best = -1;
        let bestDist = Infinity;
        for (const robot of idleRobots) {
          if (taken.has(robot.id) || robot.node < 0 || robot.handles !== observation.loads[task.load]!.kind) continue;
          const d = nodeDistanceM(observation, robot.node, loadNode);
          if (d < bestDist) {
            bestDist = d;
            best = robot.id;
          }
        }
        if (best < 0) continue;
        taken.add(best);
        pairs.push({ robot: best, task: task.id });
      }
      return pairs;
    },
  };
}
