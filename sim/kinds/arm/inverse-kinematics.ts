/**
 * Inverse kinematics with limits: the closed-form candidates of the model, each joint moved by
 * whole turns to the equivalent angle nearest the current one that lies within its limits, the
 * candidate nearest the current joints chosen (weighted, see `COST_WEIGHT`), refined numerically if needed, and checked by
 * forward kinematics against the tolerances. Anything else is refused with a reason.
 */
import type { ArmModelSpec } from './arm-model-spec.ts';
import { jointCount } from './arm-model-spec.ts';
import { flangePose } from './forward-kinematics.ts';
import { articulatedIk } from './ik-articulated.ts';
import { scaraIk } from './ik-scara.ts';
import { refineIk } from './ik-refine.ts';
import { originDistance, rotationAngle, type Transform } from './pose-math.ts';

const PI = 3.141592653589793;
const DEG = 180 / PI;

/** Position and orientation tolerance of a reached target: 1 mm and 0.5°. */
export const IK_TOLERANCE = Object.freeze({ positionM: 0.001, angleRad: (0.5 * PI) / 180 });

/**
 * Weights of each joint's squared travel when choosing among solutions: an articulated arm
 * prefers turning its base and wrist to flipping shoulder and elbow over its head (which leaves
 * it near the edge of its workspace for the next straight-line move).
 */
const COST_WEIGHT: Readonly<Record<ArmModelSpec['type'], readonly number[]>> = { 'articulated-6r': [1, 4, 4, 1, 1, 1], scara: [1, 1, 1, 1] };

/** Result of {@link solveIk}: joints within limits and tolerance, or the reason there are none. */
export type IkResult = { ok: true; q: number[]; errorM: number; errorRad: number } | { ok: false; reason: string };

/** Whether joint `i` of `model` is prismatic (metres, not radians). */
export const isPrismatic = (model: ArmModelSpec, i: number): boolean => model.type === 'scara' && i === 2;

/** A joint value for messages: degrees, or metres for a prismatic joint. */
function jointText(model: ArmModelSpec, i: number, v: number): string {
  return isPrismatic(model, i) ? `${v.toFixed(4)} m` : `${(v * DEG).toFixed(2)}°`;
}

/** The limit violation of `q`, as a reason, or null when every joint is within its limits. */
export function limitViolation(model: ArmModelSpec, q: ArrayLike<number>): string | null {
  for (let i = 0; i < jointCount(model); i++) {
    const j = model.joints[i]!;
    const v = q[i]!;
    if (!(v >= j.min - 1e-12 && v <= j.max + 1e-12))
      return `joint ${i + 1} beyond its limit: ${jointText(model, i, v)} outside [${jointText(model, i, j.min)}, ${jointText(model, i, j.max)}]`;
  }
  return null;
}

/** Moves each revolute joint of `candidate` by whole turns to the value nearest `current` within limits. */
function nearestWithinLimits(model: ArmModelSpec, candidate: number[], current: ArrayLike<number>): { q: number[] } | { reason: string } {
  const q = candidate.slice();
  for (let i = 0; i < q.length; i++) {
    const j = model.joints[i]!;
    if (isPrismatic(model, i)) {
      if (q[i]! < j.min - 1e-9 || q[i]! > j.max + 1e-9)
        return {
          reason: `joint ${i + 1} beyond its limit: ${jointText(model, i, q[i]!)} outside [${jointText(model, i, j.min)}, ${jointText(model, i, j.max)}]`,
        };
      q[i] = Math.min(j.max, Math.max(j.min, q[i]!));
      continue;
    }
    let best: number | null = null;
    const base = q[i]! + 2 * PI * Math.round((current[i]! - q[i]!) / (2 * PI));
    for (const k of [0, -1, 1, -2, 2]) {
      const v = base + 2 * PI * k;
      if (v < j.min - 1e-9 || v > j.max + 1e-9) continue;
      if (best === null || Math.abs(v - current[i]!) < Math.abs(best - current[i]!)) best = v;
    }
    if (best === null)
      return {
        reason: `joint ${i + 1} beyond its limit: ${jointText(model, i, q[i]!)} (or a whole turn from it) outside [${jointText(model, i, j.min)}, ${jointText(model, i, j.max)}]`,
      };
    q[i] = Math.min(j.max, Math.max(j.min, best));
  }
  return { q };
}

/** Joints reaching the flange pose `target` (base frame) nearest `current`, within limits and tolerance. */
export function solveIk(model: ArmModelSpec, target: Transform, current: ArrayLike<number>): IkResult {
  const candidates = model.type === 'scara' ? scaraIk(model, target, IK_TOLERANCE.angleRad) : articulatedIk(model, target, current);
  if (!candidates.ok) return candidates;
  let best: number[] | null = null;
  let bestCost = Infinity;
  let limitReason = '';
  for (const c of candidates.solutions) {
    const fitted = nearestWithinLimits(model, c, current);
    if ('reason' in fitted) {
      limitReason ||= fitted.reason;
      continue;
    }
    let cost = 0;
    for (let i = 0; i < fitted.q.length; i++) cost += COST_WEIGHT[model.type][i]! * (fitted.q[i]! - current[i]!) * (fitted.q[i]! - current[i]!);
    if (cost < bestCost) {
      bestCost = cost;
      best = fitted.q;
    }
  }
  if (!best) return { ok: false, reason: limitReason };
  let q = best;
  let reached = flangePose(model, q);
  let errorM = originDistance(reached, target);
  let errorRad = rotationAngle(reached, target);
  if (model.type !== 'scara' && (errorM > 1e-9 || errorRad > 1e-9)) {
    q = refineIk(model, target, q);
    reached = flangePose(model, q);
    errorM = originDistance(reached, target);
    errorRad = rotationAngle(reached, target);
  }
  const violation = limitViolation(model, q);
  if (violation) return { ok: false, reason: violation };
  if (errorM > IK_TOLERANCE.positionM || errorRad > IK_TOLERANCE.angleRad) {
    return {
      ok: false,
      reason: `singular pose: the nearest solution misses by ${(errorM * 1000).toFixed(2)} mm and ${(errorRad * DEG).toFixed(2)}° (tolerance 1 mm, 0.5°)`,
    };
  }
  return { ok: true, q, errorM, errorRad };
}
