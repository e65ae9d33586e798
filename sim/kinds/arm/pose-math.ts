/**
 * Rigid transforms for arm kinematics, built from + − × ÷, `Math.sqrt` and the deterministic
 * trigonometry of `util/det-math.ts` only, so every engine computes the same bits.
 * A transform is a row-major 3×4 matrix `[r00 r01 r02 tx, r10 r11 r12 ty, r20 r21 r22 tz]`.
 */
import { detAtan2, detCos, detSin } from '../../util/det-math.ts';

/** A rigid transform: rotation (row-major 3×3) and translation, 12 numbers. */
export type Transform = number[];

/** A unit quaternion `[x, y, z, w]`. */
export type Quat = [number, number, number, number];

export const identity = (): Transform => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

/** `a · b`. */
export function compose(a: Transform, b: Transform): Transform {
  const o = new Array<number>(12);
  for (let r = 0; r < 3; r++) {
    const a0 = a[r * 4]!,
      a1 = a[r * 4 + 1]!,
      a2 = a[r * 4 + 2]!;
    o[r * 4] = a0 * b[0]! + a1 * b[4]! + a2 * b[8]!;
    o[r * 4 + 1] = a0 * b[1]! + a1 * b[5]! + a2 * b[9]!;
    o[r * 4 + 2] = a0 * b[2]! + a1 * b[6]! + a2 * b[10]!;
    o[r * 4 + 3] = a0 * b[3]! + a1 * b[7]! + a2 * b[11]! + a[r * 4 + 3]!;
  }
  return o;
}

/** The inverse of a rigid transform. */
export function invert(t: Transform): Transform {
  const o = new Array<number>(12);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) o[r * 4 + c] = t[c * 4 + r]!;
  for (let r = 0; r < 3; r++) o[r * 4 + 3] = -(o[r * 4]! * t[3]! + o[r * 4 + 1]! * t[7]! + o[r * 4 + 2]! * t[11]!);
  return o;
}

/** Applies `t` to the point `(x, y, z)`. */
export function apply(t: Transform, x: number, y: number, z: number): [number, number, number] {
  return [t[0]! * x + t[1]! * y + t[2]! * z + t[3]!, t[4]! * x + t[5]! * y + t[6]! * z + t[7]!, t[8]! * x + t[9]! * y + t[10]! * z + t[11]!];
}

/** A pure translation. */
export const translation = (x: number, y: number, z: number): Transform => [1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z];

/** Rotation about z by `rad`. */
export function rotZ(rad: number): Transform {
  const c = detCos(rad);
  const s = detSin(rad);
  return [c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0];
}

/**
 * The standard Denavit–Hartenberg link transform `Rz(θ) · Tz(d) · Tx(a) · Rx(α)`, with the
 * cosine and sine of θ and α given (so callers reuse them).
 */
export function dhTransform(ct: number, st: number, dM: number, aM: number, ca: number, sa: number): Transform {
  return [ct, -st * ca, st * sa, aM * ct, st, ct * ca, -ct * sa, aM * st, 0, sa, ca, dM];
}

/** Unit quaternion of the rotation part (Shepperd's method: only sqrt and division). */
export function quatOf(t: Transform): Quat {
  const m00 = t[0]!,
    m01 = t[1]!,
    m02 = t[2]!,
    m10 = t[4]!,
    m11 = t[5]!,
    m12 = t[6]!,
    m20 = t[8]!,
    m21 = t[9]!,
    m22 = t[10]!;
  const tr = m00 + m11 + m22;
  let q: Quat;
  if (tr > 0) {
    const s = Math.sqrt(tr + 1) * 2;
    q = [(m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s, s / 4];
  } else if (m00 > m11 && m00 > m22) {
    const s = Math.sqrt(1 + m00 - m11 - m22) * 2;
    q = [s / 4, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  } else if (m11 > m22) {
    const s = Math.sqrt(1 + m11 - m00 - m22) * 2;
    q = [(m01 + m10) / s, s / 4, (m12 + m21) / s, (m02 - m20) / s];
  } else {
    const s = Math.sqrt(1 + m22 - m00 - m11) * 2;
    q = [(m02 + m20) / s, (m12 + m21) / s, s / 4, (m10 - m01) / s];
  }
  const n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** The transform of translation `(x, y, z)` and unit quaternion `q`. */
export function fromPose(x: number, y: number, z: number, q: readonly number[]): Transform {
  const [qx, qy, qz, qw] = q as Quat;
  return [
    1 - 2 * (qy * qy + qz * qz),
    2 * (qx * qy - qz * qw),
    2 * (qx * qz + qy * qw),
    x,
    2 * (qx * qy + qz * qw),
    1 - 2 * (qx * qx + qz * qz),
    2 * (qy * qz - qx * qw),
    y,
    2 * (qx * qz - qy * qw),
    2 * (qy * qz + qx * qw),
    1 - 2 * (qx * qx + qy * qy),
    z,
  ];
}

/** Angle in radians between the rotations of `a` and `b` (0 … π). */
export function rotationAngle(a: Transform, b: Transform): number {
  const qa = quatOf(a);
  const qb = quatOf(b);
  // Relative rotation qa⁻¹·qb: w = qa·qb (dot), |v| from the rest.
  const w = qa[0] * qb[0] + qa[1] * qb[1] + qa[2] * qb[2] + qa[3] * qb[3];
  const vx = qa[3] * qb[0] - qa[0] * qb[3] - qa[1] * qb[2] + qa[2] * qb[1];
  const vy = qa[3] * qb[1] - qa[1] * qb[3] - qa[2] * qb[0] + qa[0] * qb[2];
  const vz = qa[3] * qb[2] - qa[2] * qb[3] - qa[0] * qb[1] + qa[1] * qb[0];
  return 2 * detAtan2(Math.sqrt(vx * vx + vy * vy + vz * vz), Math.abs(w));
}

/** Distance in metres between the origins of `a` and `b`. */
export function originDistance(a: Transform, b: Transform): number {
  const dx = a[3]! - b[3]!,
    dy = a[7]! - b[7]!,
    dz = a[11]! - b[11]!;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Spherical interpolation between unit quaternions (shortest way), `s` in [0, 1]. */
export function slerp(a: readonly number[], b: readonly number[], s: number): Quat {
  let dot = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]! + a[3]! * b[3]!;
  const sign = dot < 0 ? -1 : 1;
  dot *= sign;
  let wa: number;
  let wb: number;
  if (dot > 0.9995) {
    wa = 1 - s;
    wb = s * sign;
  } else {
    const theta = detAtan2(Math.sqrt(Math.max(0, 1 - dot * dot)), dot);
    const sinT = detSin(theta);
    wa = detSin((1 - s) * theta) / sinT;
    wb = (detSin(s * theta) / sinT) * sign;
  }
  const q: Quat = [wa * a[0]! + wb * b[0]!, wa * a[1]! + wb * b[1]!, wa * a[2]! + wb * b[2]!, wa * a[3]! + wb * b[3]!];
  const n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** Tool pointing straight down (−z) with its x axis at `yawRad` about +z. */
export function toolDown(x: number, y: number, z: number, yawRad: number): Transform {
  const c = detCos(yawRad);
  const s = detSin(yawRad);
  return [c, s, 0, x, s, -c, 0, y, 0, 0, -1, z];
}
