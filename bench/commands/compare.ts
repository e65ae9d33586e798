import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { compareKpis, formatComparison } from '../compare/compare-kpis.ts';
import { loadControllerFactory } from '../load-controller.ts';
import { resolveScenario } from '../registry.ts';
import { UsageError } from '../usage-error.ts';
import { runBatch } from '../runner/run-batch.ts';
import { groupKey, runKey, type RunJob } from '../runner/run-job.ts';
import { parsePositiveInt, parsePositiveNumber } from './parse-options.ts';
import { checkWritableDir, checkWritableFile } from './output-paths.ts';

interface CompareOptions {
  a: string;
  b: string;
  scenario: string;
  seeds: number;
  robots?: number;
  minutes?: number;
  out: string;
  json?: string;
  resume?: boolean;
  workers?: number;
}

/** `bench compare --a <controller> --b <controller> --scenario <id> [--seeds 20]`. */
export function compareCommand(): Command {
  return new Command('compare')
    .description('A/B test two controllers on one scenario over seeds 1..N: mean, 95% CI and Welch test per KPI')
    .requiredOption('--a <controller>', 'controller A (registry name or module path)')
    .requiredOption('--b <controller>', 'controller B (registry name or module path)')
    .requiredOption('--scenario <id|file>', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file')
    .option('--seeds <n>', 'seeds 1..n per controller', parsePositiveInt, 20)
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--minutes <m>', 'override the simulated horizon, minutes', parsePositiveNumber)
    .option('--out <dir>', 'directory for the run log', 'bench-results/compare')
    .option('--json <file>', 'also write the comparison as JSON')
    .option('--resume', 'skip runs already finished in --out')
    .option('--workers <n>', 'worker threads (default: one per core)', parsePositiveInt)
    .action(async (opts: CompareOptions) => {
      checkWritableDir('--out', opts.out);
      if (opts.json) checkWritableFile('--json', opts.json);
      if (opts.a === opts.b) throw new UsageError('--a and --b name the same controller');
      if (opts.seeds < 2) throw new UsageError('--seeds must be at least 2 for a confidence interval');
      const spec = resolveScenario(opts.scenario);
      await loadControllerFactory(opts.a);
      await loadControllerFactory(opts.b);
      const overrides = { ...(opts.robots !== undefined ? { robots: opts.robots } : {}), ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}) };
      const jobs: RunJob[] = [];
      for (const [side, controller] of [['A', opts.a], ['B', opts.b]] as const) {
        const group = groupKey(spec.id, overrides, `${side}:${controller}`);
        for (let seed = 1; seed <= opts.seeds; seed++) jobs.push({ key: runKey(group, seed), group, scenario: spec.id, spec, label: `${side}:${controller}`, controller, seed, overrides });
      }
      console.log(`compare on ${spec.id}: ${opts.seeds} seeds × 2 controllers`);
      const { records } = await runBatch(jobs, { outDir: resolve(opts.out), resume: Boolean(opts.resume), ...(opts.workers ? { workers: opts.workers } : {}) });
      const failed = records.filter((r) => r.status === 'error');
      for (const r of failed) console.error(`run failed: ${r.key}: ${r.error}`);
      const rows = compareKpis(records.filter((r) => r.label.startsWith('A:')), records.filter((r) => r.label.startsWith('B:')));
      console.log(formatComparison(opts.a, opts.b, rows));
      if (opts.json) {
        const json = rows.map((r) => ({ kpi: r.metric.key, better: r.metric.better, a: r.a, b: r.b, welch: r.welch, verdict: r.verdict }));
        await writeFile(opts.json, JSON.stringify({ scenario: spec.id, a: opts.a, b: opts.b, seeds: opts.seeds, overrides, kpis: json }, null, 2) + '\n');
      }
      process.exitCode = failed.length > 0 ? 1 : 0;
    });
}
