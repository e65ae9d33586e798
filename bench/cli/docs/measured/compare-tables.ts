/**
 * The controller and floor-rule comparisons (robots/README.md), drawn from the `bench compare --json`
 * files committed in `bench/data/compare/results/` before the results store existed (they have no header).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompareJson, compareTableMarkdown } from '../../../analyse/compare/compare-table.ts';
import { RESULTS_DIR } from '../results-store.ts';
import { num } from './provenance.ts';

function readCompareFiles(files: readonly string[], root: string): CompareJson[] {
  return files.map((file) => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8')) as CompareJson;
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  });
}

/** Committed `bench compare --json` files from before the store (no header): drawn as `bench compare-table` draws them. */
export function compareFilesTable(files: readonly string[], root: string): string {
  const parsed = readCompareFiles(files, root);
  return [
    compareTableMarkdown(parsed).trimEnd(),
    '',
    `Drawn by \`npm run docs\` as \`npm run bench -- compare-table ${files.join(' ')}\` draws it (files committed before \`${RESULTS_DIR}\`, without a header).`,
  ].join('\n');
}

/** What each floor-rule variant turns on (the scenarios' `orders` section against g2p-medium's). */
const FLOOR_RULES: Readonly<Record<string, string>> = {
  'warehouse/g2p-medium-until-picked@1': "`batching: 'until-picked'`",
  'warehouse/g2p-medium-pod-affinity@1': "`stationChoice: 'pod-affinity'`",
  'warehouse/g2p-medium-batched@1': 'both (`warehouse/g2p-medium-batched`)',
};

/** Floor rules off (A) against on (B), one controller: each file one row, A → B per KPI. */
export function floorRulesTable(files: readonly string[], root: string): string {
  const p = (v: number) => (v < 0.001 ? '< 0.001' : v.toFixed(3));
  const lines = [
    '| robots | B: floor rules | throughput (orders/h), A → B | cycle time p95 (s), A → B | Welch p (throughput; p95) | B vs A |',
    '|---:|---|---:|---:|---:|---|',
  ];
  for (const f of readCompareFiles(files, root)) {
    const rules = (id: string) => FLOOR_RULES[id] ?? `\`${id}\``;
    const b = rules(f.scenarioB ?? f.scenario);
    const label = f.scenario === 'warehouse/g2p-medium@1' ? b : `${b}, against ${rules(f.scenario)} alone`;
    const kpi = (name: string) => {
      const k = f.kpis.find((x) => x.kpi === name);
      if (!k) throw new Error(`compare file for ${f.scenarioB}: no ${name} KPI`);
      return k;
    };
    const [tp, p95] = [kpi('throughputPerHour'), kpi('cycleTimeP95Sec')];
    const side = (s: { mean: number; ci95: number }) => `${num(s.mean, 0)} ± ${num(s.ci95, 0)}`;
    const verdict = tp.verdict === p95.verdict ? tp.verdict : `throughput ${tp.verdict}, p95 ${p95.verdict}`;
    lines.push(
      `| ${f.robots ?? f.overrides.robots ?? 'default'} | ${label} | ${side(tp.a)} → ${side(tp.b)} | ${side(p95.a)} → ${side(p95.b)} | ${p(tp.welch.p)}; ${p(p95.welch.p)} | ${verdict} |`,
    );
  }
  return [
    lines.join('\n'),
    '',
    `Drawn by \`npm run docs\` from the \`bench compare --json\` files ${files.map((f) => `\`${f}\``).join(', ')} (committed before \`${RESULTS_DIR}\`, without a header).`,
  ].join('\n');
}

export const FLOOR_RULES_FILES = [
  'g2p-medium-until-picked',
  'g2p-medium-pod-affinity',
  'g2p-medium-batched',
  'g2p-medium-pod-affinity-vs-batched',
  'g2p-medium-batched-150',
].map((f) => `bench/data/compare/results/${f}.json`);

export const PIBT_RESERVE_FILES = ['g2p-small', 'g2p-medium', 'g2p-medium-150'].map((f) => `bench/data/compare/results/${f}.json`);
