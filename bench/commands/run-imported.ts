import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { ImportError, importScenario } from '../../scenarios/index.ts';
import { ScenarioSpecError } from '../../sim/index.ts';
import { scenarioIssues } from '../files/scenario-issues.ts';
import { formatKpiTable } from '../report/kpi-table.ts';
import { runSpec, type RunResult } from '../run-scenario.ts';
import { UsageError } from '../usage-error.ts';
import { INTERRUPTED_EXIT_CODE, watchRun } from './watch-run.ts';

/**
 * `bench run --import FILE`: imports a MovingAI `.map` (`--robots` robots, random tasks) or a
 * League of Robot Runners problem `.json` (its team size) and runs it with the named controller.
 * A malformed file prints every problem as `file:line: reason` and exits 2.
 */
export async function runImported(path: string, opts: { seed?: number; controller: string; robots?: number; minutes?: number; json?: string; cellM?: number }): Promise<void> {
  let spec;
  try {
    spec = importScenario(path, (p) => readFileSync(p, 'utf8'), {
      ...(opts.cellM !== undefined ? { cellM: opts.cellM } : {}),
      ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.robots !== undefined ? { robots: opts.robots } : {}),
    });
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`cannot import ${path}:\n${error.message}`);
    throw error;
  }
  const issues = scenarioIssues(spec);
  if (issues.length > 0) throw new ScenarioSpecError(path, issues);
  const watch = watchRun(path);
  let result: RunResult;
  try {
    ({ result } = await runSpec({ spec, controller: opts.controller, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }, watch.options));
  } finally {
    watch.stop();
  }
  console.log(formatKpiTable(result));
  if (opts.json) await writeFile(opts.json, JSON.stringify(result, null, 2) + '\n');
  if (result.interrupted) {
    console.error(`interrupted at ${(result.simulatedSec / 60).toFixed(1)} simulated minutes: the table${opts.json ? ' and --json' : ''} cover the run up to there`);
    process.exitCode = INTERRUPTED_EXIT_CODE;
  }
}
