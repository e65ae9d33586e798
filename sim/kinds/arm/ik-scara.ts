/** Closed-form inverse kinematics of a SCARA: two elbow solutions, then the quill (Z) and the tool yaw (θ). */
import { detAcos, detAtan2, detCos, detSin } from '../../util/det-math.ts';
import type { ScaraArmModel } from './arm-model-spec.ts';
import type { Transform } from './pose-math.ts';
import { wrapPi } from './ik-articulated.ts';

const DEG = 180 / 3.141592653589793;

/** Candidate joint vectors `[θ1, θ2, z, θ4]` for the flange pose `t`, or why there are none. */
export function scaraIk(m: ScaraArmModel, t: Transform, tiltTolRad: number): { ok: true; solutions: number[][] } | { ok: false; reason: string } {
  // The flange's z axis must point straight down: −t[10] is its cosine with −z.
  const tilt = detAcos(-t[10]!);
  if (tilt > tiltTolRad) return { ok: false, reason: `a SCARA's tool points straight down; the target is tilted by ${(tilt * DEG).toFixed(2)}°` };
  const x = t[3]!,
    y = t[7]!;
  const r = Math.sqrt(x * x + y * y);
  const l1 = m.link1M,
    l2 = m.link2M;
  if (r > l1 + l2 + 1e-9)
    return {
      ok: false,
      reason: `out of reach by ${(r - (l1 + l2)).toFixed(4)} m (target ${r.toFixed(4)} m from the J1 axis; the arm reaches ${(l1 + l2).toFixed(4)} m)`,
    };
  if (r < Math.abs(l1 - l2) - 1e-9) return { ok: false, reason: `out of reach: ${(Math.abs(l1 - l2) - r).toFixed(4)} m too close to the J1 axis` };
  const c2 = (r * r - l1 * l1 - l2 * l2) / (2 * l1 * l2);
  const quill = m.heightM - t[11]!;
  const yaw = detAtan2(t[4]!, t[0]!);
  const t2a = detAcos(c2);
  const solutions: number[][] = [];
  for (const t2 of t2a === 0 ? [0] : [t2a, -t2a]) {
    const t1 = detAtan2(y, x) - detAtan2(l2 * detSin(t2), l1 + l2 * detCos(t2));
    solutions.push([wrapPi(t1), t2, quill, wrapPi(yaw - t1 - t2)]);
  }
  return { ok: true, solutions };
}
