import type { Roadmap } from '../../model/roadmap.ts';

/** Entries a robot keeps: its route's next waypoints the motion stage reads in a tick, with room for a route that moved on. */
const WAYS = 4;

/**
 * Per robot, the positions of the waypoints of its route the motion stage last looked up: the
 * next one, the one after it and those in a straight line beyond. Each entry is keyed by its
 * node, so it is right after any route change or restore; part of the robot kind's per-episode
 * scratch (never hashed or snapshotted). A robot's entries are searched by node, so when it
 * passes a waypoint the ones still ahead are found where they were; a node not found replaces
 * the robot's entries in turn. On a 2.2-million-node roadmap (10,000 robots) each lookup in the
 * node tables was a cache miss or two a robot and tick, for positions that change only when a
 * robot passes a waypoint.
 */
export class WaypointCache {
  /** Per robot, {@link WAYS} entries: the node whose position the entry holds (−1: none yet). */
  private readonly node: Int32Array;
  /** Per robot, the entry the next node not found replaces (0 … WAYS − 1). */
  private readonly victim: Uint8Array;
  /** Positions (metres) by entry. */
  readonly x: Float64Array;
  readonly z: Float64Array;

  constructor(robots: number) {
    this.node = new Int32Array(WAYS * robots).fill(-1);
    this.victim = new Uint8Array(robots);
    this.x = new Float64Array(WAYS * robots);
    this.z = new Float64Array(WAYS * robots);
  }

  /**
   * The entry of {@link x} and {@link z} that holds node `node`'s position for robot `i`. Read it
   * before asking about more than {@link WAYS} − 1 other nodes of the same robot.
   */
  entry(map: Roadmap, i: number, node: number): number {
    const first = WAYS * i;
    const nodes = this.node;
    for (let e = first; e < first + WAYS; e++) if (nodes[e] === node) return e;
    const v = this.victim[i]!;
    this.victim[i] = (v + 1) & (WAYS - 1); // WAYS is a power of two
    const e = first + v;
    nodes[e] = node;
    this.x[e] = map.nodeX[node]!;
    this.z[e] = map.nodeZ[node]!;
    return e;
  }
}
