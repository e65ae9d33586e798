import { CellKind } from '../model/layout-grid.ts';
import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';
import { SpatialHash } from '../util/spatial-hash.ts';

/** Index of robot positions at the start of a tick, shared by every robot's safety check. */
export function createRobotIndex(model: SimModel): SpatialHash {
  const { cols, rows, cellM } = model.grid;
  return new SpatialHash(cols * cellM, rows * cellM, 2, model.robots.length);
}

/**
 * Free distance ahead of robot `i` along `dir` (+1 forward, -1 reverse), in metres between its
 * front (chassis or carried load) and the nearest robot (with its load) or wall in its lane,
 * capped at `rangeM`. This is the robot's own safety scanner. Records the nearest robot ahead in
 * `robots.blockedBy` (-1 for a wall or nothing).
 */
export function freeDistanceAhead(model: SimModel, state: SimState, index: SpatialHash, i: number, dir: number, rangeM: number): number {
  const r = state.robots;
  const spec = model.robots[i]!.model;
  const ownLoad = r.carriedLoad[i]!;
  // The scanner sees what sticks out furthest: the chassis or a carried load.
  const halfLen = Math.max(spec.footprint.lengthM / 2, ownLoad >= 0 ? model.loadGeometry[model.loads[ownLoad]!.kind].widthM / 2 : 0);
  const halfWid = spec.footprint.widthM / 2;
  const x = r.posX[i]!;
  const z = r.posZ[i]!;
  const hx = r.headX[i]! * dir;
  const hz = r.headZ[i]! * dir;
  let free = rangeM;
  let blocker = -1;
  index.forEachNear(x, z, rangeM + 1, (j) => {
    if (j === i) return;
    const dx = r.posX[j]! - x;
    const dz = r.posZ[j]! - z;
    const along = dx * hx + dz * hz;
    if (along <= 0) return;
    const fj = model.robots[j]!.model.footprint;
    const loadJ = r.carriedLoad[j]!;
    const radius = Math.max(fj.lengthM, fj.widthM, loadJ >= 0 ? model.loadGeometry[model.loads[loadJ]!.kind].widthM : 0) / 2;
    const lateral = Math.abs(dx * hz - dz * hx);
    if (lateral > halfWid + radius + 0.05) return;
    const gap = along - halfLen - radius;
    if (gap < free) {
      free = gap;
      blocker = j;
    }
  });
  // Walls: march along the centre line in quarter-cell steps.
  const { cols, rows, cellM, kinds } = model.grid;
  const stepM = cellM / 4;
  for (let d = halfLen; d < halfLen + free; d += stepM) {
    const c = Math.floor((x + hx * d) / cellM);
    const rr = Math.floor((z + hz * d) / cellM);
    if (c < 0 || rr < 0 || c >= cols || rr >= rows || kinds[rr * cols + c] === CellKind.Wall) {
      // Distance from the chassis front to the wall cell's near edge along the heading.
      const edge = wallEdgeDistance(x, z, hx, hz, c, rr, cellM) - halfLen;
      if (edge < free) {
        free = Math.max(0, edge);
        blocker = -1;
      }
      break;
    }
  }
  r.blockedBy[i] = blocker;
  return free;
}

function wallEdgeDistance(x: number, z: number, hx: number, hz: number, c: number, r: number, cellM: number): number {
  // Entry distance of the ray into the cell's box (slab method); the ray starts outside it.
  let tMin = 0;
  let tMax = Infinity;
  for (const [p, d, lo, hi] of [
    [x, hx, c * cellM, (c + 1) * cellM],
    [z, hz, r * cellM, (r + 1) * cellM],
  ] as const) {
    if (Math.abs(d) < 1e-12) {
      if (p < lo || p > hi) return Infinity;
      continue;
    }
    let t1 = (lo - p) / d;
    let t2 = (hi - p) / d;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tMin = Math.max(tMin, t1);
    tMax = Math.min(tMax, t2);
  }
  return tMin <= tMax ? tMin : Infinity;
}
