import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epsonG6453s, ur5e } from '../../../robots/index.ts';
import { flangePose, IK_TOLERANCE, originDistance, rotationAngle, solveIk, type ArmModelSpec } from '../../../sim/index.ts';

const DEG = Math.PI / 180;
const RUNS = 400;

/** Random joint vectors inside a model's limits (UR5e: ±170° to stay clear of the ±360° ends; SCARA: the data-sheet ranges). */
const jointsOf = (m: ArmModelSpec) =>
  fc.tuple(...m.joints.map((j) => fc.double({ min: Math.max(j.min, -170 * DEG), max: Math.min(j.max, 170 * DEG), noNaN: true })));

describe('arm kinematics (FK → IK round trips)', () => {
  it(`UR5e: a pose reached by random joints is reached again within 1 mm and 0.5° (fast-check, seed 7, ${RUNS} runs)`, () => {
    fc.assert(
      fc.property(jointsOf(ur5e), jointsOf(ur5e), (q, start) => {
        const target = flangePose(ur5e, q);
        const ik = solveIk(ur5e, target, start);
        if (!ik.ok) throw new Error(ik.reason);
        const reached = flangePose(ur5e, ik.q);
        expect(originDistance(reached, target)).toBeLessThanOrEqual(IK_TOLERANCE.positionM);
        expect(rotationAngle(reached, target)).toBeLessThanOrEqual(IK_TOLERANCE.angleRad);
        // The closed form (refined at singular poses) lands within a micrometre, far inside the tolerance.
        expect(originDistance(reached, target)).toBeLessThan(1e-6);
      }),
      { seed: 7, numRuns: RUNS },
    );
  });

  it('UR5e: of the (up to) 8 solutions, the one nearest the current joints is chosen', () => {
    const q = [0.3, -1.2, 1.4, -1.6, -1.5, 0.2];
    const ik = solveIk(
      ur5e,
      flangePose(ur5e, q),
      q.map((v) => v + 0.01),
    );
    expect(ik.ok && ik.q.every((v, i) => Math.abs(v - q[i]!) < 1e-9)).toBe(true);
  });

  it(`Epson G6-453S: random reachable poses within 1 mm and 0.5° (fast-check, seed 7, ${RUNS} runs)`, () => {
    fc.assert(
      fc.property(jointsOf(epsonG6453s), (q) => {
        const target = flangePose(epsonG6453s, q);
        const ik = solveIk(epsonG6453s, target, [0, 0, 0, 0, 0, 0]);
        if (!ik.ok) throw new Error(ik.reason);
        const reached = flangePose(epsonG6453s, ik.q);
        expect(originDistance(reached, target)).toBeLessThanOrEqual(IK_TOLERANCE.positionM);
        expect(rotationAngle(reached, target)).toBeLessThanOrEqual(IK_TOLERANCE.angleRad);
      }),
      { seed: 7, numRuns: RUNS },
    );
  });

  it('refuses unreachable targets with a reason', () => {
    const far = flangePose(ur5e, [0, 0, 0, 0, 0, 0]);
    far[3] = 1.5;
    far[7] = 0;
    far[11] = 0.3;
    const ur = solveIk(ur5e, far, [0, -1, 1, 0, 1, 0]);
    expect(ur.ok).toBe(false);
    expect(!ur.ok && ur.reason).toMatch(/^out of reach by 0\.\d{4} m/);

    const scaraFar = flangePose(epsonG6453s, [0, 0, 0, 0]);
    scaraFar[3] = 0.6;
    expect(solveIk(epsonG6453s, scaraFar, [0, 0, 0, 0, 0, 0])).toEqual({
      ok: false,
      reason: 'out of reach by 0.1500 m (target 0.6000 m from the J1 axis; the arm reaches 0.4500 m)',
    });

    const tooLow = flangePose(epsonG6453s, [0.3, 0.4, 0, 0]);
    tooLow[11] = 0.4 - 0.2; // the G6-453S model's arm height is 0.4 m
    expect(solveIk(epsonG6453s, tooLow, [0, 0, 0, 0, 0, 0])).toEqual({ ok: false, reason: 'joint 3 beyond its limit: 0.2000 m outside [0.0000 m, 0.1500 m]' });

    const tilted = flangePose(ur5e, [0, -1, 1, 0, 1, 0]);
    const scaraTilt = solveIk(epsonG6453s, tilted, [0, 0, 0, 0, 0, 0]);
    expect(!scaraTilt.ok && scaraTilt.reason).toMatch(/^a SCARA's tool points straight down; the target is tilted by/);
  });

  it('refuses a pose whose every solution puts a joint beyond its limit', () => {
    const narrow: ArmModelSpec = { ...ur5e, joints: ur5e.joints.map((j, i) => (i === 0 ? { ...j, min: -10 * DEG, max: 10 * DEG } : j)) };
    const target = flangePose(ur5e, [90 * DEG, -1, 1, -1, -1.5, 0]);
    const ik = solveIk(narrow, target, [0, -1, 1, -1, -1.5, 0]);
    expect(!ik.ok && ik.reason).toMatch(/^joint 1 beyond its limit: .* outside \[-10\.00°, 10\.00°\]$/);
  });
});
