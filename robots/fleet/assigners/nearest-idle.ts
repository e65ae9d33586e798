import type { Assigner } from '../types.ts';
import { nodeDistanceM } from '../occupancy.ts';
import { taskDigest } from '../task-digest.ts';

/** Options of {@link createNearestIdleAssigner}. */
export interface NearestIdleOptions {
  /**
   * At most this many tasks per station may be under way (assigned, carrying or picking) at once,
   * so robots queueing for a busy station do not clog the lanes others need. Default: no limit.
   */
  maxActivePerStation?: number;
}

/**
 * Oldest ready task first, each to the idle robot nearest (Manhattan) to the task's load.
 * O(ready tasks × idle robots) per control tick, bounded by the number of idle robots.
 */
export function createNearestIdleAssigner(options: NearestIdleOptions = {}): Assigner {
  const cap = options.maxActivePerStation ?? Infinity;
  return {
    name: 'nearest-idle',
    assign(observation, idleRobots, readyTasks) {
      const pairs: Array<{ robot: number; task: number }> = [];
      const taken = new Set<number>();
      const active = taskDigest(observation).activePerStation.slice();
      for (const task of readyTasks) {
        if (taken.size === idleRobots.length) break;
        if (active[task.station]! >= cap) continue;
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
        active[task.station] = active[task.station]! + 1;
        pairs.push({ robot: best, task: task.id });
      }
      return pairs;
    },
  };
}
