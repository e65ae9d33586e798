import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadControllerFactory } from '../../run/load-controller.ts';
import { runBatch } from '../../run/run-batch.ts';
import { formatShard, resolveShard, selectShard } from '../../run/shard.ts';
import { expandSweep, loadSweep } from '../../analyse/sweep/sweep-definition.ts';
import { writeSweepOutputs } from '../../analyse/sweep/sweep-outputs.ts';
import { parsePositiveInt } from './parse-options.ts';
import { checkWritableDir } from './output-paths.ts';

interface SweepOptions {
  out?: string;
  resume?: boolean;
  workers?: number;
  shard?: string;
}

/** `bench sweep <file> [--out DIR] [--resume] [--workers N] [--shard i/n]`. */
export function sweepCommand(): Command {
  return new Command('sweep')
    .description('run a parameter grid over generated g2p layouts; print how many robots each needs; write sweep.csv, sweep.json and throughput.svg')
    .argument('<file>', 'sweep definition (.json), e.g. bench/data/sweeps/fleet-knee.json')
    .option('--out <dir>', 'output directory (default bench-results/sweep-<name>)')
    .option('--resume', 'skip runs already finished in --out (after a kill)')
    .option('--workers <n>', 'worker threads (default: one per core)', parsePositiveInt)
    .option('--shard <i/n>', 'run only shard i of n (also from JOB_COMPLETION_INDEX + BENCH_SHARD_COUNT)')
    .action(async (file: string, opts: SweepOptions) => {
      if (opts.out) checkWritableDir('--out', opts.out);
      const sweep = loadSweep(file);
      const jobs = expandSweep(sweep);
      await loadControllerFactory(sweep.controller);
      const shard = resolveShard(opts.shard);
      const selected = selectShard(jobs, shard);
      const outDir = resolve(opts.out ?? `bench-results/sweep-${sweep.name}`);
      console.log(`sweep ${sweep.name}: ${selected.length} of ${jobs.length} runs (shard ${formatShard(shard)}) → ${outDir}`);
      const { records } = await runBatch(selected, { outDir, resume: Boolean(opts.resume), ...(opts.workers ? { workers: opts.workers } : {}) });
      const { points, answers } = writeSweepOutputs(outDir, sweep.name, records);
      for (const p of points) {
        const answer = answers.find((a) => a.layout === p.layout && a.robots === p.robots);
        console.log(
          `${p.layout.padEnd(12)} robots ${String(p.robots).padStart(4)}  ${p.throughputPerHour.toFixed(1).padStart(7)} ± ${p.throughputCi95.toFixed(1).padStart(5)} orders/h${answer ? '  ← 95 % of plateau' : ''}${p.errors ? `  (${p.errors} errors)` : ''}`,
        );
      }
      for (const a of answers) console.log(a.sentence);
      console.log(`wrote ${outDir}/{sweep.csv,sweep.json,throughput.svg}`);
      process.exitCode = records.some((r) => r.status === 'error') ? 1 : 0;
    });
}
