import type { RunRecord } from '../../run/run-job.ts';
import { summarize } from '../stats/welch.ts';
import { KPI_METRICS } from './kpi-metrics.ts';

/** A KPI's 95 % confidence interval over a group's replications: mean ± `halfWidth` (Student's t, n − 1 degrees of freedom). */
export interface MetricInterval {
  n: number;
  mean: number;
  sd: number;
  halfWidth: number;
}

/**
 * Each gated KPI's 95 % interval over a group's finished runs, for a group from a suite entry
 * with `replications` (independent seeds); null for any other group, or with fewer than two
 * finished runs.
 */
export function replicationIntervals(runs: readonly RunRecord[]): Record<string, MetricInterval> | null {
  const ok = runs.filter((r) => r.status === 'ok' && r.kpis);
  if (ok.length < 2 || !runs.some((r) => r.replications !== undefined)) return null;
  const out: Record<string, MetricInterval> = {};
  for (const m of KPI_METRICS) {
    const s = summarize(ok.map((r) => m.read(r.kpis!)));
    out[m.key] = { n: s.n, mean: s.mean, sd: s.sd, halfWidth: s.ci95 };
  }
  return out;
}
