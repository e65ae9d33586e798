/**
 * Closed-form inverse kinematics of a UR-type 6-axis arm (standard DH, α = [π/2, 0, 0, π/2, −π/2, 0],
 * a1 = a4 = a5 = a6 = 0), after Hawkins, "Analytic inverse kinematics for the Universal Robots
 * UR-5/UR-10 arms" (2013), derived again for standard DH: two shoulder solutions (θ1) × two wrist
 * solutions (θ5) × two elbow solutions (θ3) = up to 8 joint vectors.
 */
import { detAcos, detAtan2, detCos, detSin } from '../../util/det-math.ts';
import type { ArticulatedArmModel } from './arm-model-spec.ts';
import { compose, dhTransform, invert, type Transform } from './pose-math.ts';

const PI = 3.141592653589793;
/** |sin θ5| below this is the wrist singularity (θ6 is then taken from the current joints). */
const WRIST_SINGULAR = 1e-9;

/** The candidate joint vectors (unwrapped, in (−π, π]) or why there are none. */
export type ArticulatedIkCandidates = { ok: true; solutions: number[][]; wristSingular: boolean } | { ok: false; reason: string };

const link = (m: ArticulatedArmModel, i: number, theta: number): Transform =>
  dhTransform(detCos(theta), detSin(theta), m.dM[i]!, m.aM[i]!, detCos(m.alphaRad[i]!), detSin(m.alphaRad[i]!));

/** All closed-form solutions for the flange pose `t` (base frame); `current` breaks the wrist singularity. */
export function articulatedIk(m: ArticulatedArmModel, t: Transform, current: ArrayLike<number>): ArticulatedIkCandidates {
  const a2 = m.aM[1]!,
    a3 = m.aM[2]!,
    d4 = m.dM[3]!,
    d6 = m.dM[5]!;
  // Frame-5 origin: the flange origin moved back along its z by d6.
  const p5x = t[3]! - d6 * t[2]!;
  const p5y = t[7]! - d6 * t[6]!;
  const r5 = Math.sqrt(p5x * p5x + p5y * p5y);
  if (r5 < Math.abs(d4))
    return {
      ok: false,
      reason: `out of reach: the wrist centre is ${(Math.abs(d4) - r5).toFixed(4)} m too close to the base axis (shoulder offset d4 = ${Math.abs(d4)} m)`,
    };
  const shoulderReach = Math.abs(a2) + Math.abs(a3);
  const solutions: number[][] = [];
  let reason = '';
  let wristSingular = false;
  const phi = detAtan2(p5y, p5x);
  const delta = detAcos(d4 / r5);
  for (const sh of [1, -1]) {
    const t1 = phi + PI / 2 + sh * delta;
    const c1 = detCos(t1),
      s1 = detSin(t1);
    const c5 = (t[3]! * s1 - t[7]! * c1 - d4) / d6;
    if (Math.abs(c5) > 1 + 1e-9) {
      reason ||= `out of reach: the wrist cannot reach this orientation here (cos θ5 = ${c5.toFixed(4)})`;
      continue;
    }
    const t5a = detAcos(c5);
    for (const t5 of [t5a, -t5a]) {
      const s5 = detSin(t5);
      let t6: number;
      const singular = Math.abs(s5) < WRIST_SINGULAR;
      if (singular) {
        wristSingular = true;
        t6 = current[5]!;
      } else {
        t6 = detAtan2(-(t[1]! * s1 - t[5]! * c1) / s5, (t[0]! * s1 - t[4]! * c1) / s5);
      }
      // T14 = T01⁻¹ · T06 · T56⁻¹ · T45⁻¹
      const t14 = compose(compose(compose(invert(link(m, 0, t1)), t), invert(link(m, 5, t6))), invert(link(m, 4, t5)));
      const x = t14[3]!,
        y = t14[7]!;
      const c3 = (x * x + y * y - a2 * a2 - a3 * a3) / (2 * a2 * a3);
      // Slack for full stretch (and the wrist singularity's free θ6): clamped, refined, then checked by FK.
      if (!singular && Math.abs(c3) > 1 + 1e-6) {
        const dist = Math.sqrt(x * x + y * y);
        reason ||=
          dist > shoulderReach
            ? `out of reach by ${(dist - shoulderReach).toFixed(4)} m (the wrist is ${dist.toFixed(4)} m from the shoulder; the arm reaches ${shoulderReach.toFixed(4)} m)`
            : `out of reach: ${(Math.abs(Math.abs(a2) - Math.abs(a3)) - dist).toFixed(4)} m too close to the shoulder`;
        continue;
      }
      const t3a = detAcos(c3);
      for (const t3 of [t3a, -t3a]) {
        const t2 = detAtan2(y, x) - detAtan2(a3 * detSin(t3), a2 + a3 * detCos(t3));
        const t234 = detAtan2(t14[4]!, t14[0]!);
        solutions.push([t1, t2, t3, t234 - t2 - t3, t5, t6].map(wrapPi));
      }
    }
  }
  if (solutions.length === 0) return { ok: false, reason: reason || 'no solution' };
  return { ok: true, solutions, wristSingular };
}

/** An angle wrapped into (−π, π]. */
export function wrapPi(a: number): number {
  const TWO_PI = 2 * PI;
  let r = a - TWO_PI * Math.round(a / TWO_PI);
  if (r <= -PI) r += TWO_PI;
  return r;
}
