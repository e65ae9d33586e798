import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRootRng, detExp, detLog, distributionMeanSec, sampleSec, type Distribution } from '../../../sim/index.ts';

const moments = (d: Distribution, n: number, seed = 1) => {
  const rng = createRootRng(seed).fork('test');
  let sum = 0;
  let sum2 = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = sampleSec(d, rng);
    sum += x;
    sum2 += x * x;
    min = Math.min(min, x);
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(sum2 / n - mean * mean), min };
};

describe('deterministic log and exp', () => {
  it('match Math.log / Math.exp within 1e-14 relative (fast-check, seed 42, 20,000 runs each)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const want = Math.log(x);
        expect(Math.abs(detLog(x) - want)).toBeLessThanOrEqual(1e-14 * Math.max(Math.abs(want), 1e-300));
      }),
      { seed: 42, numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(detExp(x) - want)).toBeLessThanOrEqual(1e-14 * want);
      }),
      { seed: 42, numRuns: 20_000 },
    );
  });

  it('are exact where the answer is: log 1 = 0, exp 0 = 1; edge values like Math', () => {
    expect(detLog(1)).toBe(0);
    expect(detExp(0)).toBe(1);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detExp(800)).toBe(Infinity);
    expect(detExp(-800)).toBe(0);
  });
});

describe('duration distributions (n = 40,000 draws each, seed 1)', () => {
  const n = 40_000;
  it('fixed', () => {
    expect(moments({ dist: 'fixed', sec: 3 }, 100)).toEqual({ mean: 3, sd: 0, min: 3 });
  });
  it('exponential: mean and sd = meanSec within 2 %', () => {
    const m = moments({ dist: 'exponential', meanSec: 12 }, n);
    expect(Math.abs(m.mean - 12) / 12).toBeLessThan(0.02);
    expect(Math.abs(m.sd - 12) / 12).toBeLessThan(0.02);
  });
  it('normal: mean and sd within 2 % when truncation at 0 is negligible; never below 0', () => {
    const m = moments({ dist: 'normal', meanSec: 10, sdSec: 2 }, n);
    expect(Math.abs(m.mean - 10) / 10).toBeLessThan(0.02);
    expect(Math.abs(m.sd - 2) / 2).toBeLessThan(0.02);
    const cut = moments({ dist: 'normal', meanSec: 1, sdSec: 2 }, n);
    expect(cut.min).toBeGreaterThanOrEqual(0);
    expect(cut.mean).toBeGreaterThan(1.5); // truncated at 0 by resampling: the mean moves up
  });
  it('lognormal: parametrised by the mean and sd of the duration, within 2 % / 4 %', () => {
    const m = moments({ dist: 'lognormal', meanSec: 20, sdSec: 5 }, n);
    expect(Math.abs(m.mean - 20) / 20).toBeLessThan(0.02);
    expect(Math.abs(m.sd - 5) / 5).toBeLessThan(0.04);
    expect(m.min).toBeGreaterThan(0);
  });
  it('empirical: only the given values, in proportion to the weights (no interpolation)', () => {
    const d: Distribution = { dist: 'empirical', valuesSec: [1, 2, 10], weights: [1, 2, 1] };
    const rng = createRootRng(1).fork('emp');
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = sampleSec(d, rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 10]);
    expect(Math.abs(counts.get(2)! / n - 0.5)).toBeLessThan(0.01);
    expect(distributionMeanSec(d)).toBe(3.75);
    expect(Math.abs(moments(d, n).mean - 3.75) / 3.75).toBeLessThan(0.02);
  });
  it('same seed ⇒ the same draws, bit for bit', () => {
    const d: Distribution = { dist: 'lognormal', meanSec: 5, sdSec: 1 };
    const a = createRootRng(9).fork('x');
    const b = createRootRng(9).fork('x');
    for (let i = 0; i < 1000; i++) expect(sampleSec(d, a)).toBe(sampleSec(d, b));
  });
});
