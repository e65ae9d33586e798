/**
 * Uniform-grid bucket index of points. {@link update} re-buckets only the points that moved since
 * the last call, so a tick costs in proportion to what moved, not to how many points there are;
 * neighbour queries stay O(1) per point. Each bucket lists its points in ascending index order,
 * exactly as a rebuild from scratch would, so queries visit points in the same order either way.
 */
export class SpatialHash {
  private readonly head: Int32Array;
  /**
   * One bit per bucket, set while the bucket holds a point: a query of an empty bucket reads this
   * small array (kept in cache) instead of `head`, one int a bucket (at 10,000 robots on a
   * 1,800 × 1,912 m map, 860,000 buckets: 3.4 MB, a cache miss per bucket a scanner looked at).
   */
  private readonly occupied: Uint32Array;
  private next: Int32Array;
  /** Per point: its bucket (-1: none, for a NaN coordinate) and the coordinates it was bucketed at. */
  private bucketOf: Int32Array;
  private lastX: Float64Array;
  private lastZ: Float64Array;
  /** Points indexed by the last update (-1: none yet, so the next update rebuilds). */
  private indexed = -1;
  readonly cols: number;
  readonly rows: number;

  constructor(
    widthM: number,
    depthM: number,
    readonly bucketM: number,
    capacity: number,
  ) {
    this.cols = Math.max(1, Math.ceil(widthM / bucketM));
    this.rows = Math.max(1, Math.ceil(depthM / bucketM));
    this.head = new Int32Array(this.cols * this.rows);
    this.occupied = new Uint32Array(Math.ceil((this.cols * this.rows) / 32));
    this.next = new Int32Array(capacity);
    this.bucketOf = new Int32Array(capacity);
    this.lastX = new Float64Array(capacity);
    this.lastZ = new Float64Array(capacity);
  }

  /** Re-buckets all points. */
  rebuild(xs: Float64Array, zs: Float64Array, count: number): void {
    this.head.fill(-1);
    this.occupied.fill(0);
    if (this.next.length < count) {
      this.next = new Int32Array(count);
      this.bucketOf = new Int32Array(count);
      this.lastX = new Float64Array(count);
      this.lastZ = new Float64Array(count);
    }
    for (let i = count - 1; i >= 0; i--) {
      const b = this.bucket(xs[i]!, zs[i]!);
      this.bucketOf[i] = b;
      this.lastX[i] = xs[i]!;
      this.lastZ[i] = zs[i]!;
      if (b < 0) continue;
      this.next[i] = this.head[b]!;
      this.head[b] = i;
      this.occupied[b >>> 5]! |= 1 << (b & 31);
    }
    this.indexed = count;
  }

  /**
   * Brings the index up to date with `xs`/`zs`: points whose coordinates are unchanged since the
   * last update or rebuild cost one comparison; a point that crossed into another bucket is
   * unlinked and inserted in index order. The result equals {@link rebuild} of the same points.
   */
  update(xs: Float64Array, zs: Float64Array, count: number): void {
    if (count !== this.indexed) return this.rebuild(xs, zs, count);
    const { lastX, lastZ, bucketOf } = this;
    for (let i = 0; i < count; i++) {
      const x = xs[i]!;
      const z = zs[i]!;
      if (x === lastX[i] && z === lastZ[i]) continue;
      lastX[i] = x;
      lastZ[i] = z;
      const b = this.bucket(x, z);
      const was = bucketOf[i]!;
      if (b === was) continue;
      if (was >= 0) this.unlink(was, i);
      if (b >= 0) this.insertOrdered(b, i);
      bucketOf[i] = b;
    }
  }

  /** First point in bucket (`row`, `col`), or -1; walk the rest with {@link after}. */
  first(row: number, col: number): number {
    const b = row * this.cols + col;
    return (this.occupied[b >>> 5]! & (1 << (b & 31))) === 0 ? -1 : this.head[b]!;
  }

  /** The point after `i` in its bucket, or -1. */
  after(i: number): number {
    return this.next[i]!;
  }

  private unlink(b: number, i: number): void {
    const { head, next } = this;
    if (head[b] === i) {
      head[b] = next[i]!;
      if (head[b] === -1) this.occupied[b >>> 5]! &= ~(1 << (b & 31));
      return;
    }
    let j = head[b]!;
    while (next[j] !== i) j = next[j]!;
    next[j] = next[i]!;
  }

  private insertOrdered(b: number, i: number): void {
    const { head, next } = this;
    const first = head[b]!;
    if (first < 0 || first > i) {
      next[i] = first;
      head[b] = i;
      this.occupied[b >>> 5]! |= 1 << (b & 31);
      return;
    }
    let j = first;
    while (next[j]! >= 0 && next[j]! < i) j = next[j]!;
    next[i] = next[j]!;
    next[j] = i;
  }

  /** The bucket of (x, z), clamped onto the grid; -1 for a NaN coordinate (such a point is in no bucket). */
  private bucket(x: number, z: number): number {
    if (x !== x || z !== z) return -1;
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.bucketM)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor(z / this.bucketM)));
    return r * this.cols + c;
  }
}
