import jstat from 'jstat';

/** Mean and 95 % confidence interval of a sample (Student's t, n − 1 degrees of freedom). */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
  /** Half-width of the 95 % confidence interval of the mean (0 for n < 2). */
  ci95: number;
}

/** Welch's unequal-variance t-test of two samples. */
export interface WelchResult {
  t: number;
  dof: number;
  /** Two-sided p-value. */
  p: number;
}

/** Mean, sample standard deviation and 95 % CI half-width. */
export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  const mean = n > 0 ? values.reduce((s, v) => s + v, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const ci95 = n > 1 ? jstat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n)) : 0;
  return { n, mean, sd, ci95 };
}

/**
 * Welch's t-test of `b` against `a` (t > 0 when b's mean is larger), with Welch–Satterthwaite
 * degrees of freedom. Two constant samples give p = 1 when equal and p = 0 when not.
 */
export function welchTest(a: readonly number[], b: readonly number[]): WelchResult {
  const sa = summarize(a);
  const sb = summarize(b);
  const va = sa.n > 0 ? sa.sd ** 2 / sa.n : 0;
  const vb = sb.n > 0 ? sb.sd ** 2 / sb.n : 0;
  const se2 = va + vb;
  const diff = sb.mean - sa.mean;
  if (se2 === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, dof: Math.max(1, sa.n + sb.n - 2), p: diff === 0 ? 1 : 0 };
  const t = diff / Math.sqrt(se2);
  const dofDen = (sa.n > 1 ? va ** 2 / (sa.n - 1) : 0) + (sb.n > 1 ? vb ** 2 / (sb.n - 1) : 0);
  const dof = dofDen > 0 ? se2 ** 2 / dofDen : Math.max(1, sa.n + sb.n - 2);
  const p = 2 * (1 - jstat.studentt.cdf(Math.abs(t), dof));
  return { t, dof, p: Math.min(1, Math.max(0, p)) };
}
