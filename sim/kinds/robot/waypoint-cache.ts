import type { Roadmap } from '../../model/roadmap.ts';

/**
 * Per robot, the positions of the next two waypoints of its route as the motion stage last looked
 * them up. Each entry is keyed by its node, so it is right after any route change or restore; part
 * of the robot kind's per-episode scratch (never hashed or snapshotted). On a 2.2-million-node
 * roadmap (10,000 robots) each lookup in the node tables was a cache miss or two a robot and tick,
 * for positions that change only when a robot passes a waypoint.
 */
export class WaypointCache {
  /** Per robot, two entries: the node whose position the entry holds (−1: none yet). */
  private readonly node: Int32Array;
  /** Positions (metres) by entry; the last entry is a spare for waypoints past the second. */
  readonly x: Float64Array;
  readonly z: Float64Array;
  private readonly spare: number;

  constructor(robots: number) {
    this.node = new Int32Array(2 * robots).fill(-1);
    this.x = new Float64Array(2 * robots + 1);
    this.z = new Float64Array(2 * robots + 1);
    this.spare = 2 * robots;
  }

  /**
   * The entry of {@link x} and {@link z} that holds node `node`'s position, robot `i`'s waypoint
   * number `k` (0: the next). Waypoints from the third on share the spare entry: read it before
   * the next call.
   */
  entry(map: Roadmap, i: number, k: number, node: number): number {
    const e = k < 2 ? 2 * i + k : this.spare;
    if (e < this.spare && this.node[e] === node) return e;
    if (e < this.spare) this.node[e] = node;
    this.x[e] = map.nodeX[node]!;
    this.z[e] = map.nodeZ[node]!;
    return e;
  }
}
