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
  const nodeCount = observation.roadmap.nodeCount;
  const owner = reuse && reuse.length === nodeCount ? reuse.fill(-1) : new Int32Array(nodeCount).fill(-1);
  claimInto(observation, owner, null);
  return owner;
}

/**
 * Node holders kept across control ticks without clearing the whole map each tick: only the nodes
 * written last time are cleared (work in proportion to the robots, not to the map's area). Write
 * further claims with {@link NodeHolders.claim} so they are cleared too.
 */
export class NodeHolders {
  /** Robot holding each node, -1 for none (valid after {@link NodeHolders.update}). */
  holder = new Int32Array(0);
  private readonly written = new WrittenNodes();

  /** The holders of this observation, as {@link claimNodes} gives them. */
  update(observation: FleetObservation): Int32Array {
    const nodeCount = observation.roadmap.nodeCount;
    if (this.holder.length !== nodeCount) {
      this.holder = new Int32Array(nodeCount).fill(-1);
      this.written.count = 0;
    }
    const holder = this.holder;
    const { nodes, count } = this.written;
    for (let i = 0; i < count; i++) holder[nodes[i]!] = -1;
    this.written.count = 0;
    claimInto(observation, holder, this.written);
    return holder;
  }

  /** Marks node `n` held by `robot` (cleared on the next update). */
  claim(n: number, robot: number): void {
    this.holder[n] = robot;
    this.written.add(n);
  }
}

/**
 * The nodes written since the last clear, in a typed array kept across control ticks: an array
 * emptied with `length = 0` gave its storage back and regrew it every tick (1.2 MB of garbage a
 * control tick at 10,000 robots).
 */
class WrittenNodes {
  nodes = new Int32Array(1024);
  count = 0;

  add(n: number): void {
    if (this.count === this.nodes.length) {
      const more = new Int32Array(this.nodes.length * 2);
      more.set(this.nodes);
      this.nodes = more;
    }
    this.nodes[this.count++] = n;
  }
}

function claimInto(observation: FleetObservation, owner: Int32Array, written: WrittenNodes | null): void {
  const map = observation.roadmap;
  const { nodeCell, cellNode } = map;
  const { cols, rows, cellM } = observation.grid;
  const limit2 = (CLAIM_RADIUS_CELLS * cellM) ** 2;
  const robots = observation.robots;
  for (let i = 0; i < robots.length; i++) {
    const r = robots[i]!;
    const node = r.node;
    if (node < 0) continue;
    const id = r.id;
    if (owner[node] === -1) {
      owner[node] = id;
      written?.add(node);
    }
    if (!r.atNode) {
      // The body may still overlap the neighbour cell it comes from or goes to. A node sits at its
      // cell's centre, computed here as the roadmap computes it (the same operations, so the same
      // doubles) instead of read from its 2.2-million-entry position arrays.
      const cell = nodeCell[node]!;
      const row = Math.floor(cell / cols);
      const col = cell - row * cols;
      const x = (col + 0.5) * cellM;
      const z = (row + 0.5) * cellM;
      if (row > 0) claimNear(owner, r, cellNode[cell - cols]!, x, (row - 1 + 0.5) * cellM, limit2, written);
      if (row < rows - 1) claimNear(owner, r, cellNode[cell + cols]!, x, (row + 1 + 0.5) * cellM, limit2, written);
      if (col > 0) claimNear(owner, r, cellNode[cell - 1]!, (col - 1 + 0.5) * cellM, z, limit2, written);
      if (col < cols - 1) claimNear(owner, r, cellNode[cell + 1]!, (col + 1 + 0.5) * cellM, z, limit2, written);
    }
    const route = r.route;
    for (let k = 0; k < route.length; k++) {
      const n = route[k]!;
      if (owner[n] === -1) {
        owner[n] = id;
        written?.add(n);
      }
    }
  }
}

/** Claims node `n` (if any, and unclaimed), centred at (`x`, `z`), for robot `r` while that centre is within the claim radius. */
function claimNear(owner: Int32Array, r: RobotObservation, n: number, x: number, z: number, limit2: number, written: WrittenNodes | null): void {
  if (n < 0 || owner[n] !== -1) return;
  const dx = x - r.x;
  const dz = z - r.z;
  if (dx * dx + dz * dz < limit2) {
    owner[n] = r.id;
    written?.add(n);
  }
}
