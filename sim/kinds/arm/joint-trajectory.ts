/**
 * Arm trajectories as joint samples, one per tick: joint-space moves on a synchronised trapezoid,
 * and Cartesian straight-line moves whose every sample is solved by IK (nearest the previous
 * sample) and checked against the joint limits, stretched in time when a joint would be too fast.
 */
import type { ArmModelSpec } from './arm-model-spec.ts';
import { jointCount } from './arm-model-spec.ts';
import { flangePose } from './forward-kinematics.ts';
import { limitViolation, solveIk } from './inverse-kinematics.ts';
import { fromPose, originDistance, quatOf, rotationAngle, slerp, type Transform } from './pose-math.ts';
import { profileAt, profileTicks, syncProfile, type Profile } from './trapezoid.ts';

/** A planned move: the joint vector of every tick after the start (the last is the goal), or a reason. */
export type MovePlan = { ok: true; samples: number[][]; durationSec: number } | { ok: false; reason: string };

/** Cartesian limits of straight-line moves (m/s, m/s², rad/s, rad/s²). */
export interface LinearLimits {
  readonly speedMps: number;
  readonly accelMps2: number;
  readonly turnRps: number;
  readonly turnAccelRps2: number;
}

const joints = (m: ArmModelSpec) => m.joints.slice(0, jointCount(m));

/** A joint-space move from `from` to `to` (both within limits), sampled every `dtSec`. */
export function planJointMove(model: ArmModelSpec, from: readonly number[], to: readonly number[], dtSec: number): MovePlan {
  const n = jointCount(model);
  const violation = limitViolation(model, to);
  if (violation) return { ok: false, reason: violation };
  const dist = Array.from({ length: n }, (_, i) => to[i]! - from[i]!);
  const p = syncProfile(
    dist,
    joints(model).map((j) => j.maxSpeed),
    joints(model).map((j) => j.maxAccel),
    dtSec,
  );
  const ticks = profileTicks(p, dtSec);
  const samples: number[][] = [];
  for (let k = 1; k <= ticks; k++) {
    const s = k === ticks ? 1 : profileAt(p, k * dtSec);
    samples.push(from.map((v, i) => (i < n ? (k === ticks ? to[i]! : v + dist[i]! * s) : v)));
  }
  return { ok: true, samples, durationSec: p.totalSec };
}

/** How far `samples` (after `from`, from rest to rest) exceed joint speed or acceleration limits: 1 = at the limit. */
export function limitRatio(
  model: ArmModelSpec,
  from: readonly number[],
  samples: readonly number[][],
  dtSec: number,
): { ratio: number; joint: number; what: 'speed' | 'acceleration' } {
  const n = jointCount(model);
  let worst = { ratio: 0, joint: 0, what: 'speed' as 'speed' | 'acceleration' };
  const seq = [from, from, ...samples, samples[samples.length - 1] ?? from];
  for (let k = 1; k < seq.length; k++) {
    for (let i = 0; i < n; i++) {
      const v = Math.abs(seq[k]![i]! - seq[k - 1]![i]!) / dtSec / model.joints[i]!.maxSpeed;
      if (v > worst.ratio) worst = { ratio: v, joint: i, what: 'speed' };
      if (k >= 2) {
        const a = Math.abs(seq[k]![i]! - 2 * seq[k - 1]![i]! + seq[k - 2]![i]!) / (dtSec * dtSec) / model.joints[i]!.maxAccel;
        if (a > worst.ratio) worst = { ratio: a, joint: i, what: 'acceleration' };
      }
    }
  }
  return worst;
}

/** Samples a straight line from the flange pose at `from` to `target`, on `profile`. */
function sampleLine(model: ArmModelSpec, from: readonly number[], start: Transform, target: Transform, p: Profile, dtSec: number): MovePlan {
  const q0 = quatOf(start);
  const q1 = quatOf(target);
  const ticks = profileTicks(p, dtSec);
  const samples: number[][] = [];
  let prev = from.slice();
  for (let k = 1; k <= ticks; k++) {
    const s = k === ticks ? 1 : profileAt(p, k * dtSec);
    const pose =
      k === ticks
        ? target
        : fromPose(
            start[3]! + (target[3]! - start[3]!) * s,
            start[7]! + (target[7]! - start[7]!) * s,
            start[11]! + (target[11]! - start[11]!) * s,
            slerp(q0, q1, s),
          );
    const ik = solveIk(model, pose, prev);
    if (!ik.ok) return { ok: false, reason: `the straight line leaves the workspace at ${(s * 100).toFixed(0)} % of the way: ${ik.reason}` };
    const q = from.slice();
    for (let i = 0; i < ik.q.length; i++) q[i] = ik.q[i]!;
    samples.push(q);
    prev = q;
  }
  return { ok: true, samples, durationSec: p.totalSec };
}

/**
 * A Cartesian straight-line move of the flange from its pose at joints `from` to `target`,
 * within `limits`; slowed down (up to 8×) when a joint would exceed its speed or acceleration
 * limit, refused when the line leaves the workspace or a joint still cannot keep up (a
 * singularity on the way).
 */
export function planLinearMove(model: ArmModelSpec, from: readonly number[], target: Transform, limits: LinearLimits, dtSec: number): MovePlan {
  const start = flangePose(model, from);
  const dist = [originDistance(start, target), rotationAngle(start, target)];
  let p = syncProfile(dist, [limits.speedMps, limits.turnRps], [limits.accelMps2, limits.turnAccelRps2], dtSec);
  let slow = 1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const plan = sampleLine(model, from, start, target, p, dtSec);
    if (!plan.ok) return plan;
    const worst = limitRatio(model, from, plan.samples, dtSec);
    if (worst.ratio <= 1 + 1e-9) return plan;
    slow = Math.min(8, slow * (worst.what === 'speed' ? worst.ratio : Math.sqrt(worst.ratio)) * 1.05);
    if (attempt === 3) {
      return {
        ok: false,
        reason: `joint ${worst.joint + 1} would exceed its ${worst.what} limit ${worst.ratio.toFixed(1)}× along the straight line (a singularity on the way)`,
      };
    }
    p = syncProfile(dist, [limits.speedMps / slow, limits.turnRps / slow], [limits.accelMps2 / (slow * slow), limits.turnAccelRps2 / (slow * slow)], dtSec);
  }
  return { ok: false, reason: 'unreachable' };
}
