import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { compareKpis, formatComparison, splitFailedRuns } from '../../analyse/compare/compare-kpis.ts';
import { compareTableMarkdown, type CompareJson } from '../../analyse/compare/compare-table.ts';
import { loadControllerFactory } from '../../run/load-controller.ts';
import { resolveScenario } from '../../run/registry.ts';
import { UsageError } from '../../run/usage-error.ts';
import { runBatch } from '../../run/run-batch.ts';
import { groupKey, runKey, type RunJob } from '../../run/run-job.ts';
import { parsePositiveInt, parsePositiveNumber } from './parse-options.ts';
import { checkWritableDir, checkWritableFile } from './output-paths.ts';

interface CompareOptions {
  a: string;
  b: string;
  scenario: string;
  scenarioB?: string;
  seeds: number;
  robots?: number;
  minutes?: number;
  out: string;
  json?: string;
  resume?: boolean;
  workers?: number;
}

/**
 * `bench compare --a <controller> --b <controller> --scenario <id> [--seeds 20]`. With
 * `--scenario-b <id|file>` side B runs on that scenario instead, so one controller can be A/B
 * tested against a change of floor rules (`--a pibt --b pibt`).
 */
export function compareCommand(): Command {
  return new Command('compare')
    .description('A/B test two controllers on one scenario over seeds 1..N: mean, 95% CI and Welch test per KPI')
    .requiredOption('--a <controller>', 'controller A (registry name or module path)')
    .requiredOption('--b <controller>', 'controller B (registry name or module path)')
    .requiredOption('--scenario <id|file>', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file')
    .option('--scenario-b <id|file>', 'run side B on this scenario instead (A/B a floor rule with one controller)')
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
      if (opts.seeds < 2) throw new UsageError('--seeds must be at least 2 for a confidence interval');
      const spec = resolveScenario(opts.scenario);
      const specB = opts.scenarioB !== undefined ? resolveScenario(opts.scenarioB) : spec;
      if (opts.a === opts.b && specB.id === spec.id)
        throw new UsageError(opts.scenarioB !== undefined ? '--scenario and --scenario-b have the same id' : '--a and --b name the same controller');
      await loadControllerFactory(opts.a);
      await loadControllerFactory(opts.b);
      const overrides = { ...(opts.robots !== undefined ? { robots: opts.robots } : {}), ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}) };
      const jobs: RunJob[] = [];
      for (const [side, controller, sideSpec] of [
        ['A', opts.a, spec],
        ['B', opts.b, specB],
      ] as const) {
        const group = groupKey(sideSpec.id, overrides, `${side}:${controller}`);
        for (let seed = 1; seed <= opts.seeds; seed++)
          jobs.push({ key: runKey(group, seed), group, scenario: sideSpec.id, spec: sideSpec, label: `${side}:${controller}`, controller, seed, overrides });
      }
      console.log(
        specB === spec
          ? `compare on ${spec.id}: ${opts.seeds} seeds × 2 controllers`
          : `compare ${spec.id} (A) against ${specB.id} (B): ${opts.seeds} seeds each`,
      );
      const { records } = await runBatch(jobs, { outDir: resolve(opts.out), resume: Boolean(opts.resume), ...(opts.workers ? { workers: opts.workers } : {}) });
      const sides = {
        a: splitFailedRuns(records.filter((r) => r.label.startsWith('A:'))),
        b: splitFailedRuns(records.filter((r) => r.label.startsWith('B:'))),
      };
      const rows = compareKpis(sides.a.healthy, sides.b.healthy);
      console.log(formatComparison(opts.a, opts.b, rows));
      const failedLines = (['a', 'b'] as const).flatMap((side) =>
        sides[side].failed.map((f) => `${side.toUpperCase()} (${side === 'a' ? opts.a : opts.b}) seed ${f.seed} failed, left out of the means: ${f.reason}`),
      );
      for (const line of failedLines) console.error(line);
      const failedCount = sides.a.failed.length + sides.b.failed.length;
      if (failedCount > 0)
        console.error(
          `error: verdict FAILED: ${failedCount} of ${records.length} runs failed (A ${sides.a.failed.length}, B ${sides.b.failed.length}); the comparison above uses only the healthy runs and cannot pass`,
        );
      if (opts.json) {
        const json = rows.map((r) => ({ kpi: r.metric.key, better: r.metric.better, a: r.a, b: r.b, welch: r.welch, verdict: r.verdict }));
        const robots = records.find((r) => r.status === 'ok')?.robots;
        const failedRuns = { a: sides.a.failed, b: sides.b.failed };
        await writeFile(
          opts.json,
          `${JSON.stringify({ scenario: spec.id, ...(specB !== spec ? { scenarioB: specB.id } : {}), a: opts.a, b: opts.b, seeds: opts.seeds, ...(robots !== undefined ? { robots } : {}), overrides, verdict: failedCount > 0 ? 'failed' : 'ok', failedRuns, kpis: json }, null, 2)}\n`,
        );
      }
      process.exitCode = failedCount > 0 ? 1 : 0;
    });
}

/** `bench compare-table <compare.json ...> [--out FILE]`: the README's Markdown table from `compare --json` files. */
export function compareTableCommand(): Command {
  return new Command('compare-table')
    .description('a Markdown table (means ± 95% CI, Welch p, verdicts) from one or more `bench compare --json` files')
    .argument('<files...>', 'JSON files written by bench compare --json')
    .option('--out <file>', 'write the table here instead of stdout')
    .action(async (files: string[], opts: { out?: string }) => {
      const parsed = files.map((file) => {
        try {
          return JSON.parse(readFileSync(resolve(file), 'utf8')) as CompareJson;
        } catch (error) {
          throw new UsageError(`compare file ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
      const table = compareTableMarkdown(parsed);
      if (opts.out) await writeFile(opts.out, table);
      else process.stdout.write(table);
    });
}
