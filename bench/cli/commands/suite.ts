import { copyFileSync, mkdirSync } from 'node:fs';
import { clearVerdict } from '../../run/files/write-file-atomic.ts';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadControllerFactory } from '../../run/load-controller.ts';
import { UsageError } from '../../run/usage-error.ts';
import { runBatch } from '../../run/run-batch.ts';
import { formatShard, resolveShard, selectShard } from '../../run/shard.ts';
import { finishSuite } from '../../analyse/suite/finish-suite.ts';
import { defaultBaselineFile, defaultOutDir, expandSuite, loadSuite } from '../../analyse/suite/suite-definition.ts';
import { parseBudgetMs, parseIsolation, parsePositiveInt } from './parse-options.ts';
import { checkWritableDir, checkWritableFile } from './output-paths.ts';
import { readBaseline } from '../../analyse/gate/baseline.ts';
import { isControllerPath } from '../../run/load-controller.ts';
import { DEFAULT_CONTROLLER_BUDGET_MS, startIsolatedController } from '../../run/isolated-controller.ts';
import type { Isolation } from '../../run/run-scenario.ts';

interface SuiteOptions {
  out?: string;
  baseline?: string;
  updateBaseline?: boolean;
  strictHash?: boolean;
  shard?: string;
  resume?: boolean;
  workers?: number;
  isolation: Isolation;
  controllerBudgetMs: number;
  json?: string;
}

/** `bench suite [name] [--out DIR] [--baseline FILE] [--update-baseline] [--shard i/n] [--resume] [--workers N]`. */
export function suiteCommand(): Command {
  return new Command('suite')
    .description('run a regression suite (scenarios × controllers × seeds) on a worker pool and gate it against a baseline')
    .argument('[name]', 'suite name in bench/data/suites/ or a path to a suite .json file', 'ci')
    .option('--out <dir>', 'output directory (default: bench-results here for a suite of bench/data/suites/, bench-results/<name> beside any other suite file)')
    .option('--baseline <file>', 'baseline to compare with, e.g. bench/data/baselines/ci.json')
    .option('--strict-hash', "fail when a run's state hash differs from the baseline, even with every KPI in tolerance")
    .option(
      '--update-baseline',
      'rewrite the baseline from this run (default bench/data/baselines/<suite>.json for a suite of bench/data/suites/, <name>.baseline.json beside any other suite file)',
    )
    .option('--shard <i/n>', 'run only shard i of n (also from JOB_COMPLETION_INDEX + BENCH_SHARD_COUNT)')
    .option('--resume', 'skip runs already finished in --out (after a kill)')
    .option('--json <file>', 'also copy the results (results.json of --out) to this file')
    .option('--workers <n>', 'worker threads (default: one per core)', parsePositiveInt)
    .option('--isolation <mode>', 'where controllers run: auto (module paths in a worker thread, built-ins in-thread), worker, thread', parseIsolation, 'auto')
    .option(
      '--controller-budget-ms <ms>',
      'wall-clock budget of one isolated decide() call; past it the controller is stopped',
      parseBudgetMs,
      DEFAULT_CONTROLLER_BUDGET_MS,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 pass; 1 a group regressed, crashed, its controller failed or had commands rejected (unless its baseline entry allows it); 2 usage or input error (nothing ran).\nThe worst seed of every failed, regressed or changed group is replayed into <out>/replays/<key>.tfr.',
    )
    .action(async (name: string, opts: SuiteOptions) => {
      if (opts.strictHash && (!opts.baseline || opts.updateBaseline))
        throw new UsageError('--strict-hash compares against a baseline: pass --baseline FILE (and not --update-baseline)');
      const suite = loadSuite(name);
      const out = opts.out ?? defaultOutDir(suite);
      checkWritableDir('--out', out);
      if (opts.json) checkWritableFile('--json', opts.json);
      if (opts.baseline && !opts.updateBaseline) readBaseline(resolve(opts.baseline));
      const jobs = expandSuite(suite).map((j) => ({ ...j, isolation: opts.isolation, budgetMs: opts.controllerBudgetMs }));
      for (const controller of new Set(jobs.map((j) => j.controller))) {
        const isolate = opts.isolation === 'worker' || (opts.isolation === 'auto' && isControllerPath(controller));
        if (isolate) {
          await loadControllerFactory(controller, { checkOnly: true });
          (await startIsolatedController(controller, { budgetMs: opts.controllerBudgetMs })).close();
        } else await loadControllerFactory(controller);
      }
      const shard = resolveShard(opts.shard);
      if (shard && opts.updateBaseline) throw new UsageError('--update-baseline needs the whole suite; merge the shards first (bench merge --update-baseline)');
      if (shard && opts.baseline) throw new UsageError('a shard is gated after merging: pass --baseline to bench merge, not to a shard');
      const selected = selectShard(jobs, shard);
      const outDir = resolve(out);
      console.log(`suite ${suite.name}: ${selected.length} of ${jobs.length} runs (shard ${formatShard(shard)}) → ${out}`);
      mkdirSync(outDir, { recursive: true });
      clearVerdict(outDir);
      const started = performance.now();
      const { records } = await runBatch(selected, { outDir, resume: Boolean(opts.resume), ...(opts.workers ? { workers: opts.workers } : {}) });
      console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
      const baselineFile = opts.updateBaseline
        ? opts.baseline
          ? resolve(opts.baseline)
          : defaultBaselineFile(suite)
        : opts.baseline
          ? resolve(opts.baseline)
          : undefined;
      process.exitCode = await finishSuite(
        { version: 1, suite: suite.name, shard, totalRuns: jobs.length, runs: records },
        {
          outDir,
          updateBaseline: Boolean(opts.updateBaseline),
          strictHash: Boolean(opts.strictHash),
          jobs: new Map(selected.map((j) => [j.key, j])),
          ...(baselineFile ? { baselineFile } : {}),
        },
      );
      if (opts.json) copyFileSync(join(outDir, 'results.json'), opts.json);
    });
}
