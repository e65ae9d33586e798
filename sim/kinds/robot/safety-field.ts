import { CellKind } from '../../model/layout-grid.ts';
import { loadRows } from '../load/index.ts';
import { robotRows } from './robot-columns.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { SpatialHash } from '../../util/spatial-hash.ts';
import { FootprintObstacles } from './footprint-obstacles.ts';

/**
 * The robots' safety scanners: an index of robot positions brought up to date at the start of each
 * tick, the size each robot shows to others' scanners, and how far each layout cell is from the
 * nearest wall.
 * One per loaded episode. What it keeps between ticks is worked out again from the state (radii
 * are re-derived whenever a robot's carried load differs), so snapshots ignore it.
 */
export class SafetyField {
  private readonly index: SpatialHash;
  /** Per robot: half the larger of its chassis and carried load, metres (what others' scanners see). */
  private readonly radiusM: Float64Array;
  /** Per robot: the larger of chassis length and width, metres. */
  private readonly chassisSpanM: Float64Array;
  /** Per robot: half its chassis length and half its width, metres (its own scanner's lane). */
  private readonly halfLengthM: Float64Array;
  private readonly halfWidthM: Float64Array;
  /** Per load: its width, metres. */
  private readonly loadWidthM: Float64Array;
  /** Per robot: the `carriedLoad` its `radiusM` was worked out for (-2 before the first tick). */
  private readonly radiusForLoad: Int32Array;
  /** The largest of `radiusM` this tick. */
  private maxRadiusM = 0;
  /**
   * How far a robot may be from where the index put it: it may already have moved this tick (at
   * most one step at top speed, or a snap onto a waypoint), plus a margin for rounding.
   */
  private readonly driftM: number;
  /**
   * Per layout cell: Chebyshev distance in cells to the nearest wall cell or to outside the layout
   * (1 for a cell next to a wall). A wall march that stays within `clearance - 1` cells can be skipped.
   */
  private readonly wallClearance: Uint8Array;
  /**
   * Per robot, the cell whose {@link wallClearance} it read last (−1: none yet) and that value:
   * a robot stays in a cell for many ticks, and on a large layout each read was a cache miss.
   */
  private readonly clearanceCell: Int32Array;
  private readonly clearanceOfCell: Uint8Array;
  /** Things of other kinds that declare footprints (people, dropped items), re-read every tick. */
  readonly obstacles: FootprintObstacles;

  constructor(model: SimModel) {
    const { cols, rows, cellM } = model.grid;
    const n = robotRows.things(model).length;
    this.index = new SpatialHash(cols * cellM, rows * cellM, 2, n);
    this.radiusM = new Float64Array(n);
    this.radiusForLoad = new Int32Array(n).fill(-2);
    this.chassisSpanM = Float64Array.from(robotRows.things(model), (robot) => Math.max(robot.model.footprint.lengthM, robot.model.footprint.widthM));
    this.halfLengthM = Float64Array.from(robotRows.things(model), (robot) => robot.model.footprint.lengthM / 2);
    this.halfWidthM = Float64Array.from(robotRows.things(model), (robot) => robot.model.footprint.widthM / 2);
    this.loadWidthM = Float64Array.from(loadRows.things(model), (load) => loadRows.fields(model).loadGeometry[load.kind]!.widthM);
    this.driftM = robotRows.things(model).reduce((m, robot) => Math.max(m, robot.model.maxSpeedMps * model.dtSec), 0) + 0.25;
    this.wallClearance = wallClearance(model);
    this.clearanceCell = new Int32Array(n).fill(-1);
    this.clearanceOfCell = new Uint8Array(n);
    this.obstacles = new FootprintObstacles(model);
  }

  /** Re-indexes robot positions and sizes; call once per tick before any {@link freeDistanceAhead}. */
  beginTick(model: SimModel, state: SimState): void {
    const r = robotRows.table(state);
    this.index.update(r.posX, r.posZ, r.count);
    // Radii change only when a robot picks up or sets down a load: re-derive just those.
    const carried = r.carriedLoad;
    const sizedFor = this.radiusForLoad;
    let changed = false;
    for (let i = 0; i < r.count; i++) {
      if (carried[i] !== sizedFor[i]) {
        changed = true;
        break;
      }
    }
    if (changed) {
      const radiusM = this.radiusM;
      const span = this.chassisSpanM;
      const loadWidth = this.loadWidthM;
      let maxRadiusM = 0;
      for (let i = 0; i < r.count; i++) {
        const load = carried[i]!;
        if (load !== sizedFor[i]) {
          radiusM[i] = Math.max(span[i]!, load >= 0 ? loadWidth[load]! : 0) / 2;
          sizedFor[i] = load;
        }
        if (radiusM[i]! > maxRadiusM) maxRadiusM = radiusM[i]!;
      }
      this.maxRadiusM = maxRadiusM;
    }
    this.obstacles.beginTick(model, state);
  }

  /**
   * Free distance ahead of robot `i` along `dir` (+1 forward, -1 reverse), in metres between its
   * front (chassis or carried load) and the nearest robot (with its load) or wall in its lane,
   * capped at `rangeM`. This is the robot's own safety scanner. Records the nearest robot ahead in
   * `robots.blockedBy` (-1 for a wall or nothing). Robots are seen where they stand now (those
   * earlier in this tick's drive order have already moved), found through the start-of-tick index.
   */
  freeDistanceAhead(model: SimModel, state: SimState, i: number, dir: number, rangeM: number): number {
    const r = robotRows.table(state);
    const ownLoad = r.carriedLoad[i]!;
    // The scanner sees what sticks out furthest: the chassis or a carried load.
    const halfLen = Math.max(this.halfLengthM[i]!, ownLoad >= 0 ? this.loadWidthM[ownLoad]! / 2 : 0);
    const halfWid = this.halfWidthM[i]!;
    const x = r.posX[i]!;
    const z = r.posZ[i]!;
    const hx = r.headX[i]! * dir;
    const hz = r.headZ[i]! * dir;
    let free = rangeM;
    let blocker = -1;
    const index = this.index;
    const bucketM = index.bucketM;
    // Buckets within rangeM + 1 of the robot, narrowed to the box around the lane ahead: only a
    // robot ahead (along > 0), within the lane's half-width plus its own radius, and closer than
    // rangeM plus both half-lengths can set the free distance; robots are bucketed where they
    // stood at the start of the tick, so the lane is widened by how far they may have moved since.
    const near = rangeM + 1;
    const backM = -this.driftM;
    const reachM = rangeM + halfLen + this.maxRadiusM + this.driftM;
    const sideM = halfWid + this.maxRadiusM + 0.05 + this.driftM;
    const ax = Math.abs(hx);
    const az = Math.abs(hz);
    const c0 = Math.max(0, Math.floor((x - near) / bucketM), Math.floor((x + Math.min(backM * hx, reachM * hx) - sideM * az) / bucketM));
    const c1 = Math.min(index.cols - 1, Math.floor((x + near) / bucketM), Math.floor((x + Math.max(backM * hx, reachM * hx) + sideM * az) / bucketM));
    const r0 = Math.max(0, Math.floor((z - near) / bucketM), Math.floor((z + Math.min(backM * hz, reachM * hz) - sideM * ax) / bucketM));
    const r1 = Math.min(index.rows - 1, Math.floor((z + near) / bucketM), Math.floor((z + Math.max(backM * hz, reachM * hz) + sideM * ax) / bucketM));
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        for (let j = index.first(row, col); j >= 0; j = index.after(j)) {
          if (j === i) continue;
          const dx = r.posX[j]! - x;
          const dz = r.posZ[j]! - z;
          const along = dx * hx + dz * hz;
          if (along <= 0) continue;
          const radius = this.radiusM[j]!;
          const lateral = Math.abs(dx * hz - dz * hx);
          if (lateral > halfWid + radius + 0.05) continue;
          const gap = along - halfLen - radius;
          if (gap < free) {
            free = gap;
            blocker = j;
          }
        }
      }
    }
    if (this.obstacles.count > 0) {
      // People and dropped items are kept clear of the carried load's full width too.
      const gap = this.obstacles.nearestAhead(i, x, z, hx, hz, halfLen, Math.max(halfWid, ownLoad >= 0 ? this.loadWidthM[ownLoad]! / 2 : 0), free);
      if (gap < free) {
        free = gap;
        blocker = -1;
      }
    }
    const edge = this.wallDistanceAhead(model, i, x, z, hx, hz, halfLen, free);
    if (edge < free) {
      free = Math.max(0, edge);
      blocker = -1;
    }
    r.blockedBy[i] = blocker;
    return free;
  }

  /**
   * Distance from robot `i`'s front to the first wall cell met marching along the centre line in
   * quarter-cell steps up to `free` metres, or Infinity. The march is skipped when it cannot leave
   * the robot's wall-free neighbourhood (one cell of margin for rounding).
   */
  private wallDistanceAhead(model: SimModel, i: number, x: number, z: number, hx: number, hz: number, halfLen: number, free: number): number {
    const { cols, rows, cellM, kinds } = model.grid;
    const col0 = Math.floor(x / cellM);
    const row0 = Math.floor(z / cellM);
    if (col0 >= 0 && row0 >= 0 && col0 < cols && row0 < rows) {
      const cell = row0 * cols + col0;
      if (this.clearanceCell[i] !== cell) {
        this.clearanceCell[i] = cell;
        this.clearanceOfCell[i] = this.wallClearance[cell]!;
      }
      if (this.clearanceOfCell[i]! > Math.ceil((halfLen + free) / cellM) + 1) return Infinity;
    }
    const stepM = cellM / 4;
    for (let d = halfLen; d < halfLen + free; d += stepM) {
      const c = Math.floor((x + hx * d) / cellM);
      const rr = Math.floor((z + hz * d) / cellM);
      if (c < 0 || rr < 0 || c >= cols || rr >= rows || kinds[rr * cols + c] === CellKind.Wall) {
        // Distance from the chassis front to the wall cell's near edge along the heading.
        return wallEdgeDistance(x, z, hx, hz, c, rr, cellM) - halfLen;
      }
    }
    return Infinity;
  }
}

/** Per cell, the Chebyshev distance in cells to the nearest wall or outside cell (8-neighbour BFS, capped at 255). */
function wallClearance(model: SimModel): Uint8Array {
  const { cols, rows, kinds } = model.grid;
  const dist = new Uint8Array(cols * rows).fill(255);
  const queue = new Int32Array(cols * rows);
  let tail = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const k = row * cols + col;
      if (kinds[k] === CellKind.Wall) dist[k] = 0;
      else if (row === 0 || col === 0 || row === rows - 1 || col === cols - 1) dist[k] = 1;
      else continue;
      queue[tail++] = k;
    }
  }
  for (let head = 0; head < tail; head++) {
    const k = queue[head]!;
    const row = Math.floor(k / cols);
    const col = k - row * cols;
    const next = Math.min(255, dist[k]! + 1);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const rr = row + dr;
        const cc = col + dc;
        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
        const n = rr * cols + cc;
        if (dist[n]! <= next) continue;
        dist[n] = next;
        queue[tail++] = n;
      }
    }
  }
  return dist;
}

function wallEdgeDistance(x: number, z: number, hx: number, hz: number, c: number, r: number, cellM: number): number {
  // Entry distance of the ray into the cell's box (slab method); the ray starts outside it.
  const [tx0, tx1] = slab(x, hx, c * cellM, (c + 1) * cellM);
  const [tz0, tz1] = slab(z, hz, r * cellM, (r + 1) * cellM);
  const tMin = Math.max(0, tx0, tz0);
  const tMax = Math.min(tx1, tz1);
  return tMin <= tMax ? tMin : Infinity;
}

/** Parameter interval in which the ray `p + t·d` lies between `lo` and `hi` on one axis. */
function slab(p: number, d: number, lo: number, hi: number): [number, number] {
  if (Math.abs(d) < 1e-12) return p < lo || p > hi ? [Infinity, -Infinity] : [-Infinity, Infinity];
  const t1 = (lo - p) / d;
  const t2 = (hi - p) / d;
  return t1 <= t2 ? [t1, t2] : [t2, t1];
}
