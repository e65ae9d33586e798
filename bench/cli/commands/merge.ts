import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../run/usage-error.ts';
import { readResults } from '../../analyse/report/results-file.ts';
import type { RunRecord } from '../../run/run-job.ts';
import { finishSuite } from '../../analyse/suite/finish-suite.ts';
import { checkWritableDir } from './output-paths.ts';

interface MergeOptions {
  out: string;
  baseline?: string;
  updateBaseline?: boolean;
  strictHash?: boolean;
  allowPartial?: boolean;
}

/** `bench merge <results...> [--out DIR] [--baseline FILE] [--update-baseline]`. */
export function mergeCommand(): Command {
  return new Command('merge')
    .description('join shard results into the results of one unsharded run, then report and gate them like `suite`')
    .argument('<inputs...>', 'shard output directories or results.json files')
    .option('--out <dir>', 'output directory', 'bench-results')
    .option('--baseline <file>', 'baseline to compare with')
    .option('--strict-hash', "fail when a run's state hash differs from the baseline, even with every KPI in tolerance")
    .option('--update-baseline', 'rewrite the baseline (default bench/data/baselines/<suite>.json) from the merged runs')
    .option('--allow-partial', 'report even when some runs of the suite are missing')
    .action(async (inputs: string[], opts: MergeOptions) => {
      checkWritableDir('--out', opts.out);
      const parts = inputs.map((input) => readResults(resolve(input)));
      const suite = parts[0]!.suite;
      const totalRuns = parts[0]!.totalRuns;
      for (const [i, p] of parts.entries()) {
        if (p.suite !== suite) throw new UsageError(`${inputs[i]} is from suite "${p.suite}", not "${suite}"`);
        if (p.totalRuns !== totalRuns)
          throw new UsageError(`${inputs[i]} has a suite of ${p.totalRuns} runs, not ${totalRuns}: shards of different suite versions`);
      }
      const byKey = new Map<string, RunRecord>();
      for (const p of parts) {
        for (const r of p.runs) {
          const seen = byKey.get(r.key);
          if (seen && seen.status === 'ok' && r.status === 'ok' && seen.hash !== r.hash) {
            throw new UsageError(`run ${r.key} appears twice with different hashes (${seen.hash}, ${r.hash})`);
          }
          if (seen?.status !== 'ok') byKey.set(r.key, r);
        }
      }
      const runs = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (runs.length !== totalRuns && !opts.allowPartial) {
        const shards = parts.map((p) => (p.shard ? `${p.shard.index}/${p.shard.total}` : 'all')).join(', ');
        throw new UsageError(
          `merged ${runs.length} of ${totalRuns} runs (shards given: ${shards}); a shard is missing or unfinished (--allow-partial to report anyway)`,
        );
      }
      const outDir = resolve(opts.out);
      mkdirSync(outDir, { recursive: true });
      console.log(`merged ${parts.length} file(s): ${runs.length} runs of suite ${suite}`);
      const baselineFile = opts.updateBaseline
        ? resolve(opts.baseline ?? `bench/data/baselines/${suite}.json`)
        : opts.baseline
          ? resolve(opts.baseline)
          : undefined;
      process.exitCode = await finishSuite(
        { version: 1, suite, shard: null, totalRuns, runs },
        { outDir, updateBaseline: Boolean(opts.updateBaseline), strictHash: Boolean(opts.strictHash), ...(baselineFile ? { baselineFile } : {}) },
      );
    });
}
