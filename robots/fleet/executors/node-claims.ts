import type { FleetObservation } from '../../../sim/index.ts';

/** A robot keeps a node claimed while its centre is closer than this share of a cell to it. */
const CLAIM_RADIUS_CELLS = 0.95;

/**
 * Which robot holds each roadmap node now (-1 for none): the node under each robot, any
 * neighbour its body still overlaps while it moves between cells, and every node of its current
 * route. Derived from the observation alone, so it needs no saved state. O(robots + route nodes).
 */
export function claimNodes(observation: FleetObservation): Int32Array {
  const map = observation.roadmap;
  const { cols, rows, cellM } = observation.grid;
  const owner = new Int32Array(map.nodeCount).fill(-1);
  const limit2 = (CLAIM_RADIUS_CELLS * cellM) ** 2;
  const claim = (node: number, robot: number) => {
    if (node >= 0 && owner[node] === -1) owner[node] = robot;
  };
  for (const r of observation.robots) {
    if (r.node < 0) continue;
    claim(r.node, r.id);
    if (!r.atNode) {
      const cell = map.nodeCell[r.node]!;
      const row = Math.floor(cell / cols);
      const col = cell - row * cols;
      for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
        const rr = row + dr;
        const cc = col + dc;
        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
        const n = map.cellNode[rr * cols + cc]!;
        if (n < 0) continue;
        const dx = map.nodeX[n]! - r.x;
        const dz = map.nodeZ[n]! - r.z;
        if (dx * dx + dz * dz < limit2) claim(n, r.id);
      }
    }
    for (const n of r.route) claim(n, r.id);
  }
  return owner;
}
