import { writeFileAtomic } from '../../run/files/write-file-atomic.ts';
import { appendFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildBaseline, readBaseline, writeBaseline, type Baseline } from '../gate/baseline.ts';
import { evaluateGate, gateExitCode } from '../gate/evaluate-gate.ts';
import { formatJunitXml } from '../report/junit-xml.ts';
import { writeResults, type SuiteResults } from '../report/results-file.ts';
import { formatSummaryMarkdown } from '../report/summary-markdown.ts';
import { UsageError } from '../../run/usage-error.ts';
import { writeWorstReplays } from '../report/worst-replays.ts';
import type { RunJob } from '../../run/run-job.ts';

/** What to do with finished runs. */
export interface FinishOptions {
  outDir: string;
  /** Baseline file to gate against (or to rewrite with `updateBaseline`). */
  baselineFile?: string;
  updateBaseline: boolean;
  /** Fail on any state-hash difference from the baseline (`--strict-hash`). */
  strictHash?: boolean;
  /** The suite's jobs by key: with them, the worst seed of every flagged group is replayed into `replays/`. */
  jobs?: ReadonlyMap<string, RunJob>;
}

/**
 * Writes `results.json`, `junit.xml` and `summary.md` into the output directory, gates against
 * the baseline (or rewrites it) and returns the exit code: 0 pass, 1 regression or crashed run
 * (or, with `strictHash`, any state-hash difference from the baseline, each named on stderr).
 * The summary is also appended to `$GITHUB_STEP_SUMMARY` when that is set.
 */
export async function finishSuite(results: SuiteResults, options: FinishOptions): Promise<0 | 1> {
  let baseline: Baseline | null = null;
  if (options.baselineFile && !options.updateBaseline) {
    baseline = readBaseline(options.baselineFile);
    if (baseline.suite !== results.suite) throw new UsageError(`baseline ${options.baselineFile} is for suite "${baseline.suite}", not "${results.suite}"`);
  }
  writeResults(options.outDir, results);
  const verdicts = evaluateGate(results.runs, baseline, { strictHash: Boolean(options.strictHash) });
  if (options.jobs && !options.updateBaseline) {
    const replays = await writeWorstReplays(options.outDir, verdicts, options.jobs);
    if (replays.length > 0)
      console.error(`replays of the worst seeds: ${replays.map((r) => join(relative(process.cwd(), options.outDir) || '.', r)).join(', ')}`);
  }
  const shown = options.baselineFile && !options.updateBaseline ? relative(process.cwd(), options.baselineFile) : null;
  const summary = formatSummaryMarkdown(results.suite, verdicts, shown);
  writeFileAtomic(join(options.outDir, 'junit.xml'), formatJunitXml(results.suite, verdicts));
  writeFileAtomic(join(options.outDir, 'summary.md'), summary);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summary}\n`);
  console.log(summary);
  for (const v of verdicts)
    if (v.failedOnHash) console.error(`error: --strict-hash: ${v.group}: state hash differs from the baseline in ${v.changedHashes.join(', ')}`);
  const code = gateExitCode(verdicts);
  if (options.updateBaseline) {
    if (verdicts.some((v) => v.status === 'error')) {
      console.error('error: not updating the baseline: some runs crashed');
      return 1;
    }
    for (const v of verdicts)
      if (v.failedOnFailures)
        console.error(
          `warning: ${v.group}: its controller failed or had commands rejected; the gate fails it until its baseline entry has "allow": { "controllerFailed": true, "commandsRejected": true }`,
        );
    const file = options.baselineFile!;
    const previous = existsSync(file) ? readBaseline(file) : undefined;
    writeBaseline(file, buildBaseline(results.suite, results.runs, previous));
    console.log(`baseline written: ${relative(process.cwd(), file)} (${verdicts.length} groups, ${results.runs.length} runs)`);
    return 0;
  }
  console.log(`results: ${relative(process.cwd(), options.outDir) || '.'}/{results.json,junit.xml,summary.md}; ${code === 0 ? 'PASS' : 'FAIL'}`);
  return code;
}
