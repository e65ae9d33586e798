import type { FleetObservation, RobotObservation } from '../../../sim/index.ts';
import { CellKind } from '../../../sim/index.ts';

/**
 * Breadth-first search from an idle robot to the nearest free node where it may wait without being
 * in the way: not held by anyone, not a station or charger, not in `keepClear`. Empty-handed
 * robots may park under pods. Returns the node path, or null.
 */
export function findParkingPath(observation: FleetObservation, robot: RobotObservation, owner: Int32Array, keepClear: Set<number>): number[] | null {
  const map = observation.roadmap;
  if (robot.node < 0) return null;
  const parent = new Int32Array(map.nodeCount).fill(-2);
  const queue = [robot.node];
  parent[robot.node] = -1;
  for (let head = 0; head < queue.length && head < 4000; head++) {
    const u = queue[head]!;
    const kind = map.nodeKind[u];
    if (u !== robot.node && owner[u] === -1 && !keepClear.has(u) && kind !== CellKind.Station && kind !== CellKind.Charger && kind !== CellKind.OneWay) {
      const path: number[] = [];
      for (let v = u; v !== -1; v = parent[v]!) path.push(v);
      return path.reverse();
    }
    for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      if (parent[v] !== -2 || (owner[v] !== -1 && owner[v] !== robot.id)) continue;
      parent[v] = u;
      queue.push(v);
    }
  }
  return null;
}
