import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadControllerFactory } from '../load-controller.ts';
import { UsageError } from '../usage-error.ts';
import { runBatch } from '../runner/run-batch.ts';
import { formatShard, resolveShard, selectShard } from '../runner/shard.ts';
import { finishSuite } from '../suite/finish-suite.ts';
import { expandSuite, loadSuite } from '../suite/suite-definition.ts';
import { parsePositiveInt } from './parse-options.ts';

interface SuiteOptions {
  out: string;
  baseline?: string;
  updateBaseline?: boolean;
  strictHash?: boolean;
  shard?: string;
  resume?: boolean;
  workers?: number;
}

/** `bench suite [name] [--out DIR] [--baseline FILE] [--update-baseline] [--shard i/n] [--resume] [--workers N]`. */
export function suiteCommand(): Command {
  return new Command('suite')
    .description('run a regression suite (scenarios × controllers × seeds) on a worker pool and gate it against a baseline')
    .argument('[name]', 'suite name in bench/suites/ or a path to a suite .json file', 'ci')
    .option('--out <dir>', 'output directory', 'bench-results')
    .option('--baseline <file>', 'baseline to compare with, e.g. bench/baselines/ci.json')
    .option('--strict-hash', 'fail when a run\'s state hash differs from the baseline, even with every KPI in tolerance')
    .option('--update-baseline', 'rewrite the baseline (default bench/baselines/<suite>.json) from this run')
    .option('--shard <i/n>', 'run only shard i of n (also from JOB_COMPLETION_INDEX + BENCH_SHARD_COUNT)')
    .option('--resume', 'skip runs already finished in --out (after a kill)')
    .option('--workers <n>', 'worker threads (default: one per core)', parsePositiveInt)
    .action(async (name: string, opts: SuiteOptions) => {
      const suite = loadSuite(name);
      const jobs = expandSuite(suite);
      for (const controller of new Set(jobs.map((j) => j.controller))) await loadControllerFactory(controller);
      const shard = resolveShard(opts.shard);
      if (shard && opts.updateBaseline) throw new UsageError('--update-baseline needs the whole suite; merge the shards first (bench merge --update-baseline)');
      if (shard && opts.baseline) throw new UsageError('a shard is gated after merging: pass --baseline to bench merge, not to a shard');
      const selected = selectShard(jobs, shard);
      const outDir = resolve(opts.out);
      console.log(`suite ${suite.name}: ${selected.length} of ${jobs.length} runs (shard ${formatShard(shard)}) → ${opts.out}`);
      const started = performance.now();
      const { records } = await runBatch(selected, { outDir, resume: Boolean(opts.resume), ...(opts.workers ? { workers: opts.workers } : {}) });
      console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
      const baselineFile = opts.updateBaseline ? resolve(opts.baseline ?? `bench/baselines/${suite.name}.json`) : opts.baseline ? resolve(opts.baseline) : undefined;
      process.exitCode = finishSuite(
        { version: 1, suite: suite.name, shard, totalRuns: jobs.length, runs: records },
        { outDir, updateBaseline: Boolean(opts.updateBaseline), strictHash: Boolean(opts.strictHash), ...(baselineFile ? { baselineFile } : {}) },
      );
    });
}
