import { builtinKinds, headlineOf, kpiCatalogue } from '../../../sim/index.ts';
import { KPI_METRICS, metricApplies, type KpiMetric } from '../gate/kpi-metrics.ts';
import type { RunRecord } from '../../run/run-job.ts';
import { controllerFailed, failureLine } from '../../run/run-failures.ts';
import { summarize, welchTest, type SampleSummary, type WelchResult } from '../stats/welch.ts';

/** Verdict for B against A on one KPI. */
export type AbVerdict = 'better' | 'worse' | 'not distinguishable' | 'different';

export interface KpiComparison {
  metric: KpiMetric;
  a: SampleSummary;
  b: SampleSummary;
  welch: WelchResult;
  verdict: AbVerdict;
  /** Whether it is a headline KPI of the compared scenario (see `headlineKpisOf`). */
  headline: boolean;
}

/** A run left out of a comparison, and why. */
export interface FailedRun {
  seed: number;
  reason: string;
}

/**
 * Why a run cannot count in a comparison (it crashed, its controller failed, or the watchdog
 * stopped it), or null for a healthy run. A failed run's KPIs describe a fleet standing still,
 * not the controller: averaging them in hides the failure behind a wide interval.
 */
export function whyRunFailed(r: RunRecord): string | null {
  if (r.status === 'error') return r.error ?? 'the run crashed';
  if (r.failures && (controllerFailed(r.failures) || r.failures.stopped || r.failures.stalled)) return failureLine(r.failures) ?? 'the controller failed';
  return null;
}

/** Splits one side's runs into the healthy ones and the failed ones (with reasons). */
export function splitFailedRuns(runs: readonly RunRecord[]): { healthy: RunRecord[]; failed: FailedRun[] } {
  const healthy: RunRecord[] = [];
  const failed: FailedRun[] = [];
  for (const r of runs) {
    const reason = whyRunFailed(r);
    if (reason === null) healthy.push(r);
    else failed.push({ seed: r.seed, reason });
  }
  return { healthy, failed };
}

/** Significance level of the A/B verdicts. */
export const ALPHA = 0.05;

/**
 * Compares B's runs with A's, KPI by KPI: a significant difference (Welch p < 0.05) is `better` or
 * `worse` by the KPI's direction (`different` for KPIs without one). KPIs neither side's scenario
 * has (orders/h of a flow line) are left out.
 */
export function compareKpis(a: readonly RunRecord[], b: readonly RunRecord[]): KpiComparison[] {
  const runs = [...a, ...b].filter((r) => r.kpis);
  const applies = (metric: KpiMetric) => runs.length === 0 || runs.some((r) => metricApplies(metric, r.things));
  const counted = runs.find((r) => r.things)?.things;
  const headlineKeys = new Set(counted ? headlineOf(kpiCatalogue(builtinKinds, counted)).map((d) => d.key) : []);
  return KPI_METRICS.filter(applies).map((metric) => {
    const xa = a.filter((r) => r.kpis).map((r) => metric.read(r.kpis!));
    const xb = b.filter((r) => r.kpis).map((r) => metric.read(r.kpis!));
    const welch = welchTest(xa, xb);
    const diff = summarize(xb).mean - summarize(xa).mean;
    let verdict: AbVerdict = 'not distinguishable';
    if (welch.p < ALPHA && diff !== 0) {
      verdict = metric.better === 'info' ? 'different' : diff > 0 === (metric.better === 'higher') ? 'better' : 'worse';
    }
    return { metric, a: summarize(xa), b: summarize(xb), welch, verdict, headline: headlineKeys.has(metric.source) };
  });
}

/** A plain-text report: one row per KPI and a sentence on the scenario's headline KPI. */
export function formatComparison(labelA: string, labelB: string, rows: readonly KpiComparison[]): string {
  const fmt = (s: SampleSummary, digits: number) => `${s.mean.toFixed(digits)} ± ${s.ci95.toFixed(digits)}`;
  const table = [
    ['KPI', `A ${labelA} (mean ± 95% CI)`, `B ${labelB} (mean ± 95% CI)`, 'Welch t', 'p', 'B vs A'],
    ...rows.map((r) => [
      r.metric.key,
      fmt(r.a, r.metric.digits),
      fmt(r.b, r.metric.digits),
      Number.isFinite(r.welch.t) ? r.welch.t.toFixed(2) : String(r.welch.t),
      r.welch.p < 0.001 ? '<0.001' : r.welch.p.toFixed(3),
      r.verdict,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  const headline = headlineRow(rows);
  const gated = rows.filter((r) => r.metric.better !== 'info');
  const better = gated.filter((r) => r.verdict === 'better').map((r) => r.metric.key);
  const worse = gated.filter((r) => r.verdict === 'worse').map((r) => r.metric.key);
  const plain =
    headline.verdict === 'not distinguishable'
      ? `B (${labelB}) is not distinguishable from A (${labelA}) on ${headline.metric.title} (p = ${headline.welch.p.toFixed(3)}, n = ${headline.a.n} + ${headline.b.n}).`
      : `B (${labelB}) is ${headline.verdict.toUpperCase()} than A (${labelA}) on ${headline.metric.title}: ${headline.b.mean.toFixed(headline.metric.digits)} vs ${headline.a.mean.toFixed(headline.metric.digits)} (p = ${headline.welch.p < 0.001 ? '<0.001' : headline.welch.p.toFixed(3)}).`;
  return [...lines, '', plain, `Significantly better: ${better.join(', ') || 'none'}. Significantly worse: ${worse.join(', ') || 'none'}.`].join('\n');
}

/** The row of the scenario's (first) headline KPI (a line's units/h), else throughput, else the first row. */
function headlineRow(rows: readonly KpiComparison[]): KpiComparison {
  return rows.find((r) => r.headline) ?? rows.find((r) => r.metric.key === 'throughputPerHour') ?? rows[0]!;
}
