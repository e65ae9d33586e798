import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpatialHash } from '../../../sim/util/spatial-hash.ts';

const WIDTH_M = 20;
const DEPTH_M = 12;
const BUCKET_M = 2;

/** Every bucket's list of points, in the order queries walk it. */
function buckets(h: SpatialHash): number[][] {
  const out: number[][] = [];
  for (let row = 0; row < h.rows; row++) {
    for (let col = 0; col < h.cols; col++) {
      const list: number[] = [];
      for (let j = h.first(row, col); j >= 0; j = h.after(j)) list.push(j);
      out.push(list);
    }
  }
  return out;
}

/** The buckets worked out from the coordinates alone: each point (NaN aside) in its clamped bucket, in index order. */
function expectedBuckets(h: SpatialHash, xs: Float64Array, zs: Float64Array): number[][] {
  const out: number[][] = Array.from({ length: h.rows * h.cols }, () => []);
  const clamp = (v: number, cells: number) => Math.min(cells - 1, Math.max(0, Math.floor(v / h.bucketM)));
  xs.forEach((x, i) => {
    if (Number.isNaN(x) || Number.isNaN(zs[i]!)) return;
    out[clamp(zs[i]!, h.rows) * h.cols + clamp(x, h.cols)]!.push(i);
  });
  return out;
}

/** A coordinate: mostly on the floor, sometimes off it (clamped into an edge bucket) or NaN (in no bucket). */
const coord = (maxM: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0, max: maxM, noNaN: true }) },
    fc.double({ min: -5, max: maxM + 5, noNaN: true }),
    fc.constant(Number.NaN),
  );

describe('SpatialHash.update', () => {
  it('gives exactly the buckets (members and order) of a rebuild, and of the coordinates, after any sequence of moves (300 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(coord(WIDTH_M), coord(DEPTH_M)), { minLength: n, maxLength: n }),
            // Each step moves some points (index, new x, new z), a small nudge or a jump.
            fc.array(fc.array(fc.tuple(fc.nat(n - 1), coord(WIDTH_M), coord(DEPTH_M)), { maxLength: n }), { minLength: 1, maxLength: 12 }),
          ),
        ),
        ([n, start, steps]) => {
          const xs = Float64Array.from(start, ([x]) => x);
          const zs = Float64Array.from(start, ([, z]) => z);
          const live = new SpatialHash(WIDTH_M, DEPTH_M, BUCKET_M, n);
          live.update(xs, zs, n);
          for (const moves of steps) {
            for (const [i, x, z] of moves) {
              xs[i] = x;
              zs[i] = z;
            }
            live.update(xs, zs, n);
            const fresh = new SpatialHash(WIDTH_M, DEPTH_M, BUCKET_M, n);
            fresh.rebuild(xs, zs, n);
            expect(buckets(live)).toEqual(buckets(fresh));
            expect(buckets(live)).toEqual(expectedBuckets(live, xs, zs));
          }
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('lists a bucket in ascending index order after points move in and out of it', () => {
    const xs = Float64Array.from([1, 5, 1, 1]);
    const zs = Float64Array.from([1, 1, 1, 1]);
    const h = new SpatialHash(WIDTH_M, DEPTH_M, BUCKET_M, 4);
    h.update(xs, zs, 4);
    expect(buckets(h)[0]).toEqual([0, 2, 3]);
    xs[2] = 5;
    xs[1] = 1.5;
    h.update(xs, zs, 4);
    expect(buckets(h)[0]).toEqual([0, 1, 3]);
    expect(buckets(h)[2]).toEqual([2]);
    xs[0] = Number.NaN;
    h.update(xs, zs, 4);
    expect(buckets(h)[0]).toEqual([1, 3]);
    expect(buckets(h).flat().sort()).toEqual([1, 2, 3]);
  });
});
