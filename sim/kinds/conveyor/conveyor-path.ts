import { detAtan2, detCos, detSin } from '../../util/det-math.ts';

const TWO_PI = 6.283185307179586;

/**
 * A conveyor's centre line in the travel direction, on the floor plane (x east, z south):
 * a straight run from `(ax, az)` to `(bx, bz)`, or an arc about `(ax, az)` of `radiusM`
 * starting at angle `startRad` (from +x toward north, −z) and turning `sweepRad` (positive:
 * counter-clockwise seen from above, a left turn). Arc points use the deterministic sin/cos.
 */
export interface ConveyorPath {
  readonly shape: 'straight' | 'arc';
  readonly ax: number;
  readonly az: number;
  readonly bx: number;
  readonly bz: number;
  readonly radiusM: number;
  readonly startRad: number;
  readonly sweepRad: number;
  readonly lengthM: number;
}

/** A point on a path with its unit tangent (travel direction). */
export interface PathPoint {
  x: number;
  z: number;
  tx: number;
  tz: number;
}

export function straightPath(ax: number, az: number, bx: number, bz: number): ConveyorPath {
  return { shape: 'straight', ax, az, bx, bz, radiusM: 0, startRad: 0, sweepRad: 0, lengthM: Math.sqrt((bx - ax) ** 2 + (bz - az) ** 2) };
}

export function arcPath(cx: number, cz: number, radiusM: number, startRad: number, sweepRad: number): ConveyorPath {
  return { shape: 'arc', ax: cx, az: cz, bx: 0, bz: 0, radiusM, startRad, sweepRad, lengthM: radiusM * Math.abs(sweepRad) };
}

/** The same path travelled the other way. */
export function reversePath(p: ConveyorPath): ConveyorPath {
  return p.shape === 'straight' ? straightPath(p.bx, p.bz, p.ax, p.az) : arcPath(p.ax, p.az, p.radiusM, p.startRad + p.sweepRad, -p.sweepRad);
}

/** The point `sM` along the path (clamped to its ends) and the tangent there; writes into `out`. */
export function pointAt(p: ConveyorPath, sM: number, out: PathPoint): PathPoint {
  const s = sM < 0 ? 0 : sM > p.lengthM ? p.lengthM : sM;
  if (p.shape === 'straight') {
    const tx = p.lengthM > 0 ? (p.bx - p.ax) / p.lengthM : 1;
    const tz = p.lengthM > 0 ? (p.bz - p.az) / p.lengthM : 0;
    out.x = p.ax + tx * s;
    out.z = p.az + tz * s;
    out.tx = tx;
    out.tz = tz;
    return out;
  }
  const sign = p.sweepRad >= 0 ? 1 : -1;
  const theta = p.startRad + (sign * s) / p.radiusM;
  const c = detCos(theta);
  const sn = detSin(theta);
  out.x = p.ax + p.radiusM * c;
  out.z = p.az - p.radiusM * sn;
  out.tx = -sign * sn;
  out.tz = -sign * c;
  return out;
}

/** Left of travel, seen from above: the tangent turned a quarter counter-clockwise. */
export function leftNormal(pt: PathPoint): { nx: number; nz: number } {
  return { nx: pt.tz, nz: -pt.tx };
}

/**
 * Where `(x, z)` projects onto the path: distance along it (may lie outside `[0, lengthM]`) and
 * offset to the left of the centre line.
 */
export function project(p: ConveyorPath, x: number, z: number): { sM: number; offsetM: number } {
  if (p.shape === 'straight') {
    const tx = p.lengthM > 0 ? (p.bx - p.ax) / p.lengthM : 1;
    const tz = p.lengthM > 0 ? (p.bz - p.az) / p.lengthM : 0;
    const dx = x - p.ax;
    const dz = z - p.az;
    return { sM: dx * tx + dz * tz, offsetM: dx * tz - dz * tx };
  }
  const dx = x - p.ax;
  const dn = p.az - z; // northward
  const r = Math.sqrt(dx * dx + dn * dn);
  const sign = p.sweepRad >= 0 ? 1 : -1;
  let turned = sign * (detAtan2(dn, dx) - p.startRad);
  turned -= TWO_PI * Math.floor(turned / TWO_PI);
  // an angle just before the start reads as a small negative distance, not almost a full turn
  const sweep = Math.abs(p.sweepRad);
  if (turned > sweep && turned > (sweep + TWO_PI) / 2) turned -= TWO_PI;
  return { sM: turned * p.radiusM, offsetM: sign * (p.radiusM - r) };
}
