import { cellAt, type Roadmap } from '../../model/roadmap.ts';

/**
 * Per robot, the layout cell it stood in when last looked up, that cell's roadmap node and the
 * node's position: the robots' fleet view keeps one between control ticks (a robot stays in a
 * cell for many of them). Each entry is keyed by the cell it was read for, so it is right after
 * any move, relocation or restore. On the 2.2-million-node iron-harvest map each of these reads
 * was a cache miss for each of 10,000 robots, every control tick.
 */
export class RobotNodeCache {
  /** Per robot, the cell its entry was read for (−2: none yet; −1: outside the layout). */
  private cell = new Int32Array(0);
  private node = new Int32Array(0);
  /** Per robot, its node's position, metres (unset while its node is −1). */
  private nodeXM = new Float64Array(0);
  private nodeZM = new Float64Array(0);

  /** The roadmap the entries were read from. */
  private map: Roadmap | null = null;

  /**
   * Readies the cache for `robots` robots on `map`; call before each round of {@link nodeOf}.
   * Entries read from another roadmap (another scenario loaded) are dropped.
   */
  prepare(map: Roadmap, robots: number): void {
    if (map !== this.map) {
      this.map = map;
      this.cell.fill(-2);
    }
    if (robots > this.cell.length) this.grow(robots);
  }

  /** The node under robot `i` standing at (x, z) metres on the prepared roadmap: `nodeAt`'s answer, or −1. */
  nodeOf(map: Roadmap, cols: number, rows: number, i: number, x: number, z: number): number {
    const cell = cellAt(map, cols, rows, x, z);
    if (this.cell[i] === cell) return this.node[i]!;
    const node = cell < 0 ? -1 : map.cellNode[cell]!;
    this.cell[i] = cell;
    this.node[i] = node;
    if (node >= 0) {
      this.nodeXM[i] = map.nodeX[node]!;
      this.nodeZM[i] = map.nodeZ[node]!;
    }
    return node;
  }

  /** Position x, metres, of the node {@link nodeOf} last gave for robot `i` (only when it was not −1). */
  nodeX(i: number): number {
    return this.nodeXM[i]!;
  }

  /** Position z, metres, of the node {@link nodeOf} last gave for robot `i` (only when it was not −1). */
  nodeZ(i: number): number {
    return this.nodeZM[i]!;
  }

  private grow(robots: number): void {
    const cell = new Int32Array(robots).fill(-2);
    cell.set(this.cell);
    const node = new Int32Array(robots);
    node.set(this.node);
    const x = new Float64Array(robots);
    x.set(this.nodeXM);
    const z = new Float64Array(robots);
    z.set(this.nodeZM);
    this.cell = cell;
    this.node = node;
    this.nodeXM = x;
    this.nodeZM = z;
  }
}
