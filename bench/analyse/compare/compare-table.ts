import type { SampleSummary, WelchResult } from '../stats/welch.ts';
import type { AbVerdict } from './compare-kpis.ts';

/** A `bench compare --json` file, as written by the compare command. */
export interface CompareJson {
  scenario: string;
  /** Side B's scenario when it differs from A's (`compare --scenario-b`: a floor rule A/B test). */
  scenarioB?: string;
  a: string;
  b: string;
  seeds: number;
  /** Fleet size of the runs (older files may lack it). */
  robots?: number;
  overrides: { robots?: number; minutes?: number };
  kpis: Array<{ kpi: string; better: string; a: SampleSummary; b: SampleSummary; welch: WelchResult; verdict: AbVerdict }>;
}

/** KPIs the README table shows, with their column titles and digits. */
const TABLE_KPIS: ReadonlyArray<{ kpi: string; title: string; digits: number }> = [
  { kpi: 'throughputPerHour', title: 'throughput (orders/h)', digits: 0 },
  { kpi: 'cycleTimeP95Sec', title: 'cycle time p95 (s)', digits: 0 },
  { kpi: 'deadlocks', title: 'deadlocks per run', digits: 1 },
  { kpi: 'collisions.total', title: 'collisions', digits: 1 },
];

/**
 * A Markdown table of comparisons (one block of rows per file): per KPI, each side's mean ± 95 %
 * confidence half-width over seeds, Welch's p and the verdict for B against A.
 */
export function compareTableMarkdown(files: readonly CompareJson[]): string {
  const first = files[0];
  if (!first) return '';
  // A floor-rule comparison (one controller on two scenarios) heads its sides by scenario.
  const [a, b] = first.scenarioB !== undefined ? [shortName(first.scenario), shortName(first.scenarioB)] : [first.a, first.b];
  const lines = [
    `| scenario | robots | minutes × seeds | KPI | \`${a}\` | \`${b}\` | Welch p | \`${b}\` vs \`${a}\` |`,
    '|---|---:|---:|---|---:|---:|---:|---|',
  ];
  for (const f of files) {
    const scenario = shortName(f.scenario);
    const robots = f.robots !== undefined ? String(f.robots) : f.overrides.robots !== undefined ? String(f.overrides.robots) : 'default';
    const minutes = f.overrides.minutes !== undefined ? String(f.overrides.minutes) : 'full';
    for (const row of TABLE_KPIS) {
      const k = f.kpis.find((x) => x.kpi === row.kpi);
      if (!k) continue;
      const fmt = (s: SampleSummary) => `${group(s.mean, row.digits)} ± ${group(s.ci95, row.digits)}`;
      const p = k.welch.p < 0.001 ? '< 0.001' : k.welch.p.toFixed(3);
      lines.push(`| ${scenario} | ${robots} | ${minutes} × ${f.seeds} | ${row.title} | ${fmt(k.a)} | ${fmt(k.b)} | ${p} | ${k.verdict} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `warehouse/g2p-medium@1` → `g2p-medium`. */
function shortName(id: string): string {
  return id.replace(/^warehouse\//, '').replace(/@\d+$/, '');
}

function group(v: number, digits: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
