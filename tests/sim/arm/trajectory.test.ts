import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epsonG6453s, ur5e } from '../../../robots/index.ts';
import { flangePose, limitRatio, limitViolation, planJointMove, planLinearMove, type ArmModelSpec } from '../../../sim/index.ts';

const DT = 1 / 30;
const RUNS = 200;
const DEG = Math.PI / 180;
const within = (m: ArmModelSpec) => fc.tuple(...m.joints.map((j) => fc.double({ min: j.min, max: j.max, noNaN: true })));

/** Every sample within the position limits; speeds and accelerations (finite differences, from rest to rest) within theirs. */
function expectWithinLimits(m: ArmModelSpec, from: number[], samples: number[][]): void {
  for (const s of samples) expect(limitViolation(m, s)).toBeNull();
  expect(limitRatio(m, from, samples, DT).ratio).toBeLessThanOrEqual(1 + 1e-9);
}

describe('arm trajectories never exceed joint limits', () => {
  for (const model of [ur5e, epsonG6453s]) {
    it(`${model.id}: joint moves between random joint vectors (fast-check, seed 11, ${RUNS} runs)`, () => {
      fc.assert(
        fc.property(within(model), within(model), (a, b) => {
          const from = [...a, 0, 0, 0, 0, 0, 0].slice(0, 6);
          const to = [...b, 0, 0, 0, 0, 0, 0].slice(0, 6);
          const plan = planJointMove(model, from, to, DT);
          if (!plan.ok) throw new Error(plan.reason);
          expectWithinLimits(model, from, plan.samples);
          expect(plan.samples.at(-1) ?? from).toEqual(to);
        }),
        { seed: 11, numRuns: RUNS },
      );
    });
  }

  it(`UR5e: straight-line moves stay on the line (≤ 1 mm) and within the joint limits, or are refused with a reason (fast-check, seed 13, ${RUNS} runs)`, () => {
    const start = [0, -90 * DEG, 90 * DEG, -90 * DEG, -90 * DEG, 0];
    const p0 = flangePose(ur5e, start);
    let planned = 0;
    fc.assert(
      fc.property(
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.double({ min: -0.3, max: 0.2, noNaN: true }),
        (dx, dy, dz) => {
          const target = p0.slice();
          target[3] = p0[3]! + dx;
          target[7] = p0[7]! + dy;
          target[11] = p0[11]! + dz;
          const plan = planLinearMove(ur5e, start, target, { speedMps: 0.5, accelMps2: 2, turnRps: 3, turnAccelRps2: 12 }, DT);
          if (!plan.ok) {
            expect(plan.reason).toMatch(/workspace|exceed/);
            return;
          }
          planned += 1;
          expectWithinLimits(ur5e, start, plan.samples);
          const len = Math.hypot(dx, dy, dz);
          for (const q of plan.samples) {
            const f = flangePose(ur5e, q);
            const rel = [f[3]! - p0[3]!, f[7]! - p0[7]!, f[11]! - p0[11]!];
            const along = len > 0 ? (rel[0]! * dx + rel[1]! * dy + rel[2]! * dz) / len : 0;
            const off = Math.sqrt(Math.max(0, rel[0]! ** 2 + rel[1]! ** 2 + rel[2]! ** 2 - along * along));
            expect(off).toBeLessThanOrEqual(0.001);
          }
        },
      ),
      { seed: 13, numRuns: RUNS },
    );
    expect(planned).toBeGreaterThan(RUNS / 2);
  });

  it('a joint target beyond a limit is refused with the joint named', () => {
    const plan = planJointMove(epsonG6453s, [0, 0, 0, 0, 0, 0], [0, 160 * DEG, 0, 0, 0, 0], DT);
    expect(plan).toEqual({ ok: false, reason: 'joint 2 beyond its limit: 160.00° outside [-147.50°, 147.50°]' });
  });
});
