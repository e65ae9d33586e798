import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../../run/run-job.ts';
import { summarize } from '../stats/welch.ts';
import { answersFromSweepJson, type FleetAnswer } from './fleet-answer.ts';
import { findKnee } from './knee.ts';
import { throughputSvg, type PlotSeries } from './throughput-svg.ts';

/** One grid point: a layout at one fleet size, KPIs averaged over seeds. */
export interface SweepPoint {
  layout: string;
  robots: number;
  runs: number;
  errors: number;
  throughputPerHour: number;
  /** Half-width of the 95 % confidence interval of the mean throughput over seeds (Student's t). */
  throughputCi95: number;
  cycleTimeP95Sec: number;
  collisions: number;
  utilisation: number;
  /** Whether this point is its layout's knee. */
  knee: boolean;
}

const CSV_COLUMNS = [
  'layout',
  'blockColumns',
  'aisles',
  'stations',
  'robots',
  'seed',
  'status',
  'throughputPerHour',
  'cycleTimeP50Sec',
  'cycleTimeP95Sec',
  'collisions',
  'utilisation',
  'hash',
  'wallSec',
  'realTimeFactor',
  'error',
] as const;

/** Mean KPIs per layout and fleet size, with each layout's knee flagged. */
export function sweepPoints(records: readonly RunRecord[]): SweepPoint[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const points: SweepPoint[] = [...groups.values()].map((runs) => {
    const ok = runs.filter((r) => r.kpis);
    const mean = (read: (r: RunRecord) => number) => (ok.length ? round(ok.reduce((s, r) => s + read(r), 0) / ok.length) : 0);
    return {
      layout: String(runs[0]!.params!.layout),
      robots: Number(runs[0]!.params!.robots),
      runs: runs.length,
      errors: runs.length - ok.length,
      throughputPerHour: mean((r) => r.kpis!.throughputPerHour),
      throughputCi95: round(summarize(ok.map((r) => r.kpis!.throughputPerHour)).ci95),
      cycleTimeP95Sec: mean((r) => r.kpis!.cycleTimeP95Sec),
      collisions: mean((r) => r.kpis!.collisions.total),
      utilisation: mean((r) => r.kpis!.utilisation),
      knee: false,
    };
  });
  points.sort((a, b) => (a.layout === b.layout ? a.robots - b.robots : a.layout < b.layout ? -1 : 1));
  for (const layout of new Set(points.map((p) => p.layout))) {
    const line = points.filter((p) => p.layout === layout);
    const knee = findKnee(line.map((p) => ({ x: p.robots, y: p.throughputPerHour })));
    if (knee !== null) line[knee]!.knee = true;
  }
  return points;
}

/**
 * Writes `sweep.csv` (one row per run), `sweep.json` (points, the "how many robots?" answers and
 * runs) and `throughput.svg` (means with 95 % bands, each layout's answer marked).
 */
export function writeSweepOutputs(dir: string, name: string, records: readonly RunRecord[]): { points: SweepPoint[]; answers: FleetAnswer[] } {
  const points = sweepPoints(records);
  const answers = answersFromSweepJson({ runs: records });
  const rows = records.map((r) => {
    const p = r.params ?? {};
    const k = r.kpis;
    const values: Record<(typeof CSV_COLUMNS)[number], string | number> = {
      layout: p.layout ?? '',
      blockColumns: p.blockColumns ?? '',
      aisles: p.aisles ?? '',
      stations: p.stations ?? '',
      robots: p.robots ?? r.robots,
      seed: r.seed,
      status: r.status,
      throughputPerHour: k?.throughputPerHour ?? '',
      cycleTimeP50Sec: k?.cycleTimeP50Sec ?? '',
      cycleTimeP95Sec: k?.cycleTimeP95Sec ?? '',
      collisions: k?.collisions.total ?? '',
      utilisation: k?.utilisation ?? '',
      hash: r.hash ?? '',
      wallSec: r.wallSec,
      realTimeFactor: r.realTimeFactor,
      error: r.error ?? '',
    };
    return CSV_COLUMNS.map((c) => csvCell(values[c])).join(',');
  });
  writeFileSync(join(dir, 'sweep.csv'), `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`);
  writeFileSync(join(dir, 'sweep.json'), `${JSON.stringify({ version: 2, sweep: name, points, answers, runs: records }, null, 2)}\n`);
  const series: PlotSeries[] = [...new Set(points.map((p) => p.layout))].map((layout) => ({
    name: layout,
    points: points.filter((p) => p.layout === layout && p.errors < p.runs).map((p) => ({ x: p.robots, y: p.throughputPerHour, ci95: p.throughputCi95 })),
    answer: answers.find((a) => a.layout === layout),
  }));
  writeFileSync(join(dir, 'throughput.svg'), throughputSvg(`Sweep ${name}: throughput vs fleet size (mean, 95 % band)`, series));
  return { points, answers };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
