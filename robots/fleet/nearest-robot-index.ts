import type { FleetObservation } from '../../sim/index.ts';

/**
 * Robots bucketed by where they stand, to find the one nearest a node by the Manhattan distance
 * between node centres (`nodeDistanceM`) without measuring to every robot: buckets are visited in
 * rings around the node until no farther ring can hold one as near. Gives exactly what a scan of
 * the robots in id order keeping the first strictly nearer one gives: the nearest, lowest id on
 * ties (the same float sums, so the same ties). Robots {@link take}n are skipped from then on.
 */
export class NearestRobotIndex {
  private readonly nodeX: Float64Array;
  private readonly nodeZ: Float64Array;
  private readonly bucketM: number;
  private readonly bucketCols: number;
  private readonly bucketRows: number;
  /** Robots of bucket b: `ids[start[b] .. start[b + 1])`, ascending id. */
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly nodes: Int32Array;
  private readonly taken: Uint8Array;

  /** @param robots ids and nodes (node ≥ 0) of the robots to choose from, ascending id. */
  constructor(observation: FleetObservation, robots: ReadonlyArray<{ id: number; node: number }>) {
    const map = observation.roadmap;
    this.nodeX = map.nodeX;
    this.nodeZ = map.nodeZ;
    const { cols, rows, cellM } = observation.grid;
    // About one robot a bucket.
    const cells = Math.max(1, Math.ceil(Math.sqrt((cols * rows) / Math.max(1, robots.length))));
    this.bucketM = cells * cellM;
    this.bucketCols = Math.ceil(cols / cells) + 1;
    this.bucketRows = Math.ceil(rows / cells) + 1;
    const bucketOf = new Int32Array(robots.length);
    const count = new Int32Array(this.bucketCols * this.bucketRows + 1);
    let maxId = 0;
    for (let i = 0; i < robots.length; i++) {
      const r = robots[i]!;
      bucketOf[i] = this.bucketAt(this.nodeX[r.node]!, this.nodeZ[r.node]!);
      count[bucketOf[i]! + 1]! += 1;
      if (r.id > maxId) maxId = r.id;
    }
    for (let b = 0; b + 1 < count.length; b++) count[b + 1] = count[b + 1]! + count[b]!;
    this.start = count.slice();
    this.ids = new Int32Array(robots.length);
    this.nodes = new Int32Array(robots.length);
    // In the robots' order (ascending id), so each bucket lists ascending ids.
    for (let i = 0; i < robots.length; i++) {
      const slot = count[bucketOf[i]!]!;
      count[bucketOf[i]!] = slot + 1;
      this.ids[slot] = robots[i]!.id;
      this.nodes[slot] = robots[i]!.node;
    }
    this.taken = new Uint8Array(maxId + 1);
  }

  /** The robot nearest node `to` not taken (lowest id among the nearest), or -1 when none is left. */
  nearest(to: number): number {
    const x = this.nodeX[to]!;
    const z = this.nodeZ[to]!;
    const bc = this.clampCol(x);
    const br = this.clampRow(z);
    let best = -1;
    let bestDist = Infinity;
    const maxRing = Math.max(this.bucketCols, this.bucketRows);
    for (let ring = 0; ring <= maxRing; ring++) {
      // A bucket `ring` buckets away is at least (ring − 1) whole buckets away along one axis.
      if (best >= 0 && (ring - 1) * this.bucketM > bestDist) break;
      for (let r = br - ring; r <= br + ring; r++) {
        if (r < 0 || r >= this.bucketRows) continue;
        const edge = r === br - ring || r === br + ring;
        for (let c = bc - ring; c <= bc + ring; c += edge ? 1 : 2 * ring) {
          if (c >= 0 && c < this.bucketCols) {
            const b = r * this.bucketCols + c;
            for (let k = this.start[b]!; k < this.start[b + 1]!; k++) {
              const id = this.ids[k]!;
              if (this.taken[id]) continue;
              const n = this.nodes[k]!;
              // The same sum as nodeDistanceM(observation, robotNode, to).
              const d = Math.abs(this.nodeX[n]! - x) + Math.abs(this.nodeZ[n]! - z);
              if (d < bestDist || (d === bestDist && id < best)) {
                bestDist = d;
                best = id;
              }
            }
          }
          if (ring === 0) break;
        }
      }
    }
    return best;
  }

  /** Marks robot `id` taken: {@link nearest} skips it from now on. */
  take(id: number): void {
    this.taken[id] = 1;
  }

  private bucketAt(x: number, z: number): number {
    return this.clampRow(z) * this.bucketCols + this.clampCol(x);
  }

  private clampCol(x: number): number {
    return Math.min(this.bucketCols - 1, Math.max(0, Math.floor(x / this.bucketM)));
  }

  private clampRow(z: number): number {
    return Math.min(this.bucketRows - 1, Math.max(0, Math.floor(z / this.bucketM)));
  }
}
