/**
 * Numeric refinement of an inverse-kinematics solution: damped Gauss–Newton steps on the pose
 * error with a finite-difference Jacobian (six FK evaluations per step). Used only when the
 * closed form leaves a residual (near singularities); deterministic (fixed step count and order).
 */
import type { ArticulatedArmModel } from './arm-model-spec.ts';
import { flangePose } from './forward-kinematics.ts';
import { compose, invert, quatOf, type Transform } from './pose-math.ts';

/** Pose error (target relative to reached): translation and small-angle rotation vector. */
function poseError(target: Transform, reached: Transform): number[] {
  const rel = compose(target, invert(reached));
  const q = quatOf([rel[0]!, rel[1]!, rel[2]!, 0, rel[4]!, rel[5]!, rel[6]!, 0, rel[8]!, rel[9]!, rel[10]!, 0]);
  const s = q[3] < 0 ? -2 : 2;
  return [target[3]! - reached[3]!, target[7]! - reached[7]!, target[11]! - reached[11]!, s * q[0], s * q[1], s * q[2]];
}

/** Solves `a · x = b` (n×n, row-major) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    if (Math.abs(piv) < 1e-300) continue;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = Math.abs(m[r]![r]!) < 1e-300 ? 0 : s / m[r]![r]!;
  }
  return x;
}

/** Refines `q` toward the flange pose `target` with up to `steps` damped least-squares steps. */
export function refineIk(model: ArticulatedArmModel, target: Transform, q0: readonly number[], steps = 8, damping = 1e-6): number[] {
  let q = q0.slice();
  const h = 1e-7;
  for (let it = 0; it < steps; it++) {
    const e = poseError(target, flangePose(model, q));
    if (Math.hypot(e[0]!, e[1]!, e[2]!) < 1e-12 && Math.hypot(e[3]!, e[4]!, e[5]!) < 1e-12) break;
    const jac: number[][] = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
    for (let j = 0; j < 6; j++) {
      const qp = q.slice();
      qp[j] = qp[j]! + h;
      const ej = poseError(target, flangePose(model, qp));
      for (let r = 0; r < 6; r++) jac[r]![j] = (e[r]! - ej[r]!) / h;
    }
    // (JᵀJ + λI) Δ = Jᵀ e
    const jtj = Array.from({ length: 6 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => jac.reduce((s, row) => s + row[r]! * row[c]!, 0) + (r === c ? damping : 0)),
    );
    const jte = Array.from({ length: 6 }, (_, r) => jac.reduce((s, row, k) => s + row[r]! * e[k]!, 0));
    const dq = solve(jtj, jte);
    q = q.map((v, i) => v + dq[i]!);
  }
  return q;
}
