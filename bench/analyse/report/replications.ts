import type { Kpis } from '../../../sim/index.ts';
import { summarize, type SampleSummary } from '../stats/welch.ts';

/** Every numeric KPI of a run, flattened: top-level keys as they are, a kind's as `<kind>.<key>` (e.g. `sink.throughputPerHour`). */
export function flattenKpis(kpis: Kpis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(kpis)) {
    if (typeof value === 'number') out[key] = value;
    else if (key === 'things' && value)
      for (const [kind, figures] of Object.entries(value as Record<string, Record<string, number>>))
        for (const [k, v] of Object.entries(figures)) if (typeof v === 'number') out[`${kind}.${k}`] = v;
  }
  return out;
}

/** Mean, sd and 95 % CI half-width (Student's t) of each KPI across replications, in the first run's key order. */
export function summarizeReplications(runs: ReadonlyArray<Record<string, number>>): Record<string, SampleSummary> {
  const out: Record<string, SampleSummary> = {};
  for (const key of Object.keys(runs[0] ?? {})) out[key] = summarize(runs.map((r) => r[key] ?? 0));
  return out;
}

/** What Welch's method says about the warm-up: when the averaged throughput settles, and whether the warm-up covers it. */
export interface WarmupCheck {
  /** Where the moving average of the throughput (averaged over replications) first stays within the band of its long-run level, seconds. */
  settledSec: number;
  warmupSec: number;
  tooShort: boolean;
  /** Throughput per bin (units/h, averaged over replications) and the bin width. */
  binSec: number;
  series: number[];
}

/**
 * Welch's graphical method, automated: the completion times of every replication are counted in
 * `bins` equal bins, averaged across replications and smoothed by a centred moving average of
 * `window` bins each side; the series has settled from the first bin after which it stays within
 * a band around its second-half mean: `band` (relative) or twice the standard deviation of
 * the second half's bins, whichever is wider (so noise alone does not read as a transient). The warm-up is long
 * enough when it ends no earlier.
 */
export function welchWarmupCheck(
  completionsSec: ReadonlyArray<readonly number[]>,
  horizonSec: number,
  warmupSec: number,
  bins = 20,
  window = 2,
  band = 0.05,
): WarmupCheck {
  const binSec = horizonSec / bins;
  const mean = new Array<number>(bins).fill(0);
  for (const times of completionsSec) for (const t of times) mean[Math.min(bins - 1, Math.floor(t / binSec))]! += 1 / completionsSec.length;
  const perHour = mean.map((n) => (n * 3600) / binSec);
  const smooth = perHour.map((_, i) => {
    const w = Math.min(window, i, bins - 1 - i);
    const part = perHour.slice(i - w, i + w + 1);
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
  const late = perHour.slice(Math.floor(bins / 2));
  const level = late.reduce((a, b) => a + b, 0) / late.length;
  const sd = Math.sqrt(late.reduce((s, v) => s + (v - level) ** 2, 0) / Math.max(1, late.length - 1));
  const tolerance = Math.max(band * level, 2 * sd);
  // Bins near the end lack a full window (their average is noisier): the scan starts before them.
  let settled = bins - window;
  for (let i = bins - 1 - window; i >= 0; i--) {
    if (Math.abs(smooth[i]! - level) > tolerance) break;
    settled = i;
  }
  const settledSec = settled * binSec;
  return { settledSec, warmupSec, tooShort: settledSec > warmupSec + 1e-9, binSec, series: perHour.map((v) => Math.round(v * 100) / 100) };
}
