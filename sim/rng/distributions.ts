import { z } from 'zod';
import { detExp, detLog } from '../util/det-log-exp.ts';
import type { Rng } from './rng.ts';

const sec = z.number().nonnegative().max(1e9);
const positiveSec = z.number().positive().max(1e9);

/**
 * A duration distribution as authored, in seconds (`dist` names the family):
 * - `{ dist: 'fixed', sec }` — always `sec`;
 * - `{ dist: 'exponential', meanSec }` — memoryless, rate 1/meanSec;
 * - `{ dist: 'normal', meanSec, sdSec }` — **truncated at 0 by resampling**: a draw below 0 is
 *   drawn again, so when `sdSec` is not small against `meanSec` the realised mean is above `meanSec`;
 * - `{ dist: 'lognormal', meanSec, sdSec }` — the mean and sd of the duration itself, converted to
 *   σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2 of the underlying normal;
 * - `{ dist: 'empirical', valuesSec, weights? }` — one of the observed values, chosen with the
 *   given weights (equal without them); **no interpolation** between values.
 */
export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), sec }),
  z.strictObject({ dist: z.literal('exponential'), meanSec: positiveSec }),
  z.strictObject({ dist: z.literal('normal'), meanSec: sec, sdSec: sec }),
  z.strictObject({ dist: z.literal('lognormal'), meanSec: positiveSec, sdSec: sec }),
  z.strictObject({ dist: z.literal('empirical'), valuesSec: z.array(sec).min(1).max(10000), weights: z.array(z.number().nonnegative()).optional() }),
]);

/** An authored distribution (see {@link distributionSchema}). */
export type Distribution = z.output<typeof distributionSchema>;

/** Problems of a distribution the schema cannot see (weights that do not match the values), as `[field, message]`. */
export function distributionIssues(d: Distribution): Array<[string, string]> {
  if (d.dist !== 'empirical' || !d.weights) return [];
  if (d.weights.length !== d.valuesSec.length) return [['weights', `${d.weights.length} weights for ${d.valuesSec.length} values`]];
  if (!d.weights.some((w) => w > 0)) return [['weights', 'at least one weight must be positive']];
  return [];
}

/**
 * The distribution's mean in seconds. For `normal` this is `meanSec`, the mean before
 * truncation at 0 (the ideal cycle time the author stated).
 */
export function distributionMeanSec(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.sec;
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return d.meanSec;
    case 'empirical': {
      const w = d.weights ?? d.valuesSec.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return d.valuesSec.reduce((s, v, i) => s + v * w[i]!, 0) / total;
    }
  }
}

/** A standard normal draw by Marsaglia's polar method (no sin/cos; the second variate is discarded so no spare lives outside the stream). */
function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
  }
}

/**
 * One draw in seconds from `d`, using only `rng` (its state advances) and deterministic
 * arithmetic (`detLog`/`detExp`, `Math.sqrt`): bit-identical in every JS engine.
 */
export function sampleSec(d: Distribution, rng: Rng): number {
  switch (d.dist) {
    case 'fixed':
      return d.sec;
    case 'exponential':
      return -d.meanSec * detLog(1 - rng.next());
    case 'normal': {
      if (d.sdSec === 0) return d.meanSec;
      for (let tries = 0; tries < 1000; tries++) {
        const x = d.meanSec + d.sdSec * standardNormal(rng);
        if (x >= 0) return x;
      }
      return 0;
    }
    case 'lognormal': {
      const cv2 = (d.sdSec * d.sdSec) / (d.meanSec * d.meanSec);
      const sigma2 = detLog(1 + cv2);
      const mu = detLog(d.meanSec) - sigma2 / 2;
      return detExp(mu + Math.sqrt(sigma2) * standardNormal(rng));
    }
    case 'empirical': {
      const values = d.valuesSec;
      if (!d.weights) return values[Math.min(values.length - 1, Math.floor(rng.next() * values.length))]!;
      const total = d.weights.reduce((a, b) => a + b, 0);
      let u = rng.next() * total;
      for (let i = 0; i < values.length; i++) {
        u -= d.weights[i]!;
        if (u < 0 && d.weights[i]! > 0) return values[i]!;
      }
      for (let i = values.length - 1; i >= 0; i--) if (d.weights[i]! > 0) return values[i]!;
      return values[0]!;
    }
  }
}
