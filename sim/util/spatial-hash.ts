/**
 * Uniform-grid bucket index of points, rebuilt in O(n) each tick: neighbour queries stay O(1)
 * per robot, so no per-tick work grows with robots².
 */
export class SpatialHash {
  private readonly head: Int32Array;
  private next: Int32Array;
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
    this.next = new Int32Array(capacity);
  }

  /** Re-buckets all points. */
  rebuild(xs: Float64Array, zs: Float64Array, count: number): void {
    this.head.fill(-1);
    if (this.next.length < count) this.next = new Int32Array(count);
    for (let i = count - 1; i >= 0; i--) {
      const b = this.bucket(xs[i]!, zs[i]!);
      this.next[i] = this.head[b]!;
      this.head[b] = i;
    }
  }

  /** First point in bucket (`row`, `col`), or -1; walk the rest with {@link after}. */
  first(row: number, col: number): number {
    return this.head[row * this.cols + col]!;
  }

  /** The point after `i` in its bucket, or -1. */
  after(i: number): number {
    return this.next[i]!;
  }

  private bucket(x: number, z: number): number {
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.bucketM)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor(z / this.bucketM)));
    return r * this.cols + c;
  }
}
