import type { FleetObservation, RobotObservation } from '../../../sim/index.ts';

/** A robot keeps a node claimed while its centre is closer than this share of a cell to it. */
const CLAIM_RADIUS_CELLS = 0.95;

/**
 * Which robot holds each roadmap node now (-1 for none): the node under each robot, any
 * neighbour its body still overlaps while it moves between cells, and every node of its current
 * route. Derived from the observation alone, so it needs no saved state. O(robots + route nodes).
 * Pass last tick's array as `reuse` to have it overwritten instead of allocating a new one.
 */
export function claimNodes(observation: FleetObservation, reuse?: Int32Array): Int32Array {
  const map = observation.roadmap;
  const { cols, rows, cellM } = observation.grid;
  const owner = reuse && reuse.length === map.nodeCount ? reuse.fill(-1) : new Int32Array(map.nodeCount).fill(-1);
  const limit2 = (CLAIM_RADIUS_CELLS * cellM) ** 2;
  for (const r of observation.robots) {
    if (r.node < 0) continue;
    if (owner[r.node] === -1) owner[r.node] = r.id;
    if (!r.atNode) {
      // The body may still overlap the neighbour cell it comes from or goes to.
      const cell = map.nodeCell[r.node]!;
      const row = Math.floor(cell / cols);
      const col = cell - row * cols;
      if (row > 0) claimNear(observation, owner, r, map.cellNode[cell - cols]!, limit2);
      if (row < rows - 1) claimNear(observation, owner, r, map.cellNode[cell + cols]!, limit2);
      if (col > 0) claimNear(observation, owner, r, map.cellNode[cell - 1]!, limit2);
      if (col < cols - 1) claimNear(observation, owner, r, map.cellNode[cell + 1]!, limit2);
    }
    for (const n of r.route) if (owner[n] === -1) owner[n] = r.id;
  }
  return owner;
}

/** Claims node `n` (if any, and unclaimed) for robot `r` while its centre is within the claim radius. */
function claimNear(observation: FleetObservation, owner: Int32Array, r: RobotObservation, n: number, limit2: number): void {
  if (n < 0 || owner[n] !== -1) return;
  const dx = observation.roadmap.nodeX[n]! - r.x;
  const dz = observation.roadmap.nodeZ[n]! - r.z;
  if (dx * dx + dz * dz < limit2) owner[n] = r.id;
}
