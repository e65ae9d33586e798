import type { Assigner } from '../fleet-parts.ts';
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
      if (idleRobots.length === 0) return pairs;
      const { nodeX, nodeZ } = observation.roadmap;
      /** Per idle robot (by position in `idleRobots`): taken by an earlier task this tick. */
      const taken = new Uint8Array(idleRobots.length);
      let left = idleRobots.length;
      const active = taskDigest(observation).activePerStation.slice();
      for (const task of readyTasks) {
        if (left === 0) break;
        if (active[task.station]! >= cap) continue;
        const load = observation.loads[task.load]!;
        const loadNode = load.node;
        if (loadNode === null) continue;
        const loadXM = nodeX[loadNode]!;
        const loadZM = nodeZ[loadNode]!;
        let best = -1;
        let bestDistM = Infinity;
        for (let k = 0; k < idleRobots.length; k++) {
          const robot = idleRobots[k]!;
          if (taken[k] === 1 || robot.node < 0 || robot.handles !== load.kind) continue;
          // `nodeDistanceM(observation, robot.node, loadNode)`, with the load's coordinates read once.
          const distM = Math.abs(nodeX[robot.node]! - loadXM) + Math.abs(nodeZ[robot.node]! - loadZM);
          if (distM < bestDistM) {
            bestDistM = distM;
            best = k;
          }
        }
        if (best < 0) continue;
        taken[best] = 1;
        left -= 1;
        active[task.station] = active[task.station]! + 1;
        pairs.push({ robot: idleRobots[best]!.id, task: task.id });
      }
      return pairs;
    },
  };
}
