import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { robotModels } from '../../../robots/index.ts';
import { formatImportIssue, ImportError, importScenario, readLorrProblem, type ImportOptions, type LorrProblemInfo } from '../../../scenarios/index.ts';
import { encodeReplay, ScenarioSpecError, type Replay, type ScenarioSpecInput } from '../../../sim/index.ts';
import { scenarioIssues } from '../../run/files/scenario-issues.ts';
import { formatKpiTable } from '../../analyse/report/kpi-table.ts';
import { DEFAULT_KEYFRAME_EVERY_TICKS, runSpec, type Isolation, type RunResult } from '../../run/run-scenario.ts';
import { openEventSink } from '../../run/event-sink.ts';
import { failureLine, runExitCode } from '../../run/run-failures.ts';
import { UsageError } from '../../run/usage-error.ts';
import { formatLorrRates, lorrRates, type LorrRates } from './lorr-rates.ts';

/** The `bench run` options an imported run honours (all of them). */
export interface RunImportedOptions {
  seed?: number;
  controller: string;
  robots?: number;
  minutes?: number;
  json?: string;
  replay?: string;
  events?: string;
  cellM?: number;
  isolation?: Isolation;
  pipeline?: boolean;
  controllerBudgetMs?: number;
  cellController?: string;
}

/** The robot model an import puts on the floor (the importers' default). */
const IMPORT_ROBOT_MODEL = 'tote-carrier';

/** A file imported for a run: the scenario, and for a LoRR problem what it says beyond it. */
export interface ImportedForRun {
  spec: ScenarioSpecInput;
  lorr: LorrProblemInfo | null;
}
import { INTERRUPTED_EXIT_CODE, watchRun } from './watch-run.ts';

/**
 * Imports `path` (a MovingAI `.map` or a LoRR problem `.json`) with the run's options, printing
 * each warning to stderr as `warning: file:line: reason`.
 * @throws UsageError listing every problem as `file:line: reason` (exit 2, nothing ran).
 */
export function importForRun(path: string, opts: Pick<RunImportedOptions, 'cellM' | 'minutes' | 'seed' | 'robots'>): ImportedForRun {
  const options: ImportOptions = {
    robotModel: IMPORT_ROBOT_MODEL,
    robotSpeedMps: robotModels[IMPORT_ROBOT_MODEL]!.maxSpeedMps,
    ...(opts.cellM !== undefined ? { cellM: opts.cellM } : {}),
    ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.robots !== undefined ? { robots: opts.robots } : {}),
    onWarning: (issue) => console.error(`warning: ${formatImportIssue(issue)}`),
  };
  const read = (p: string) => readFileSync(p, 'utf8');
  let imported: ImportedForRun;
  try {
    imported = path.endsWith('.json') ? readLorrProblem(path, read, options) : { spec: importScenario(path, read, options), lorr: null };
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`cannot import ${path}:\n${error.message}`);
    throw error;
  }
  const issues = scenarioIssues(imported.spec);
  if (issues.length > 0) throw new ScenarioSpecError(path, issues);
  return imported;
}

/**
 * `bench run --import FILE`: imports a MovingAI `.map` (`--robots` robots, random tasks) or a
 * League of Robot Runners problem `.json` (its team size, or `--robots` of its agents) and runs
 * it with the named controller, honouring every `run` option (`--replay`, `--events`, `--json`,
 * `--isolation`, `--controller-budget-ms`, `--cell-controller`). A LoRR problem also reports
 * tasks and errands finished per hour and per LoRR tick (the conversion printed with them; the
 * `--json` result carries them as `lorr`, with `importSec`, `peakRssMb`,
 * `cpuSec` and `cpuRealTimeFactor`: simulated seconds per CPU second, the speed on a shared machine). A malformed file prints every problem as
 * `file:line: reason` and exits 2; exit codes as for a scenario.
 */
export async function runImported(path: string, opts: RunImportedOptions): Promise<void> {
  const importStartMs = performance.now();
  const { spec, lorr } = importForRun(path, opts);
  const importSec = (performance.now() - importStartMs) / 1000;
  console.error(`imported ${path} in ${importSec.toFixed(2)} s: ${spec.id}, ${lorr ? `${lorr.teamSize} robots, ${lorr.delays} delays` : ''}`);
  const sink = opts.events ? openEventSink(opts.events) : null;
  const watch = watchRun(path);
  const cpuStart = process.cpuUsage();
  let out: { result: RunResult; replay: Replay | null };
  try {
    out = await runSpec(
      {
        spec,
        controller: opts.controller,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.cellController ? { cellController: opts.cellController } : {}),
        ...(opts.isolation ? { isolation: opts.isolation } : {}),
        ...(opts.pipeline ? { pipeline: true } : {}),
        ...(opts.controllerBudgetMs !== undefined ? { budgetMs: opts.controllerBudgetMs } : {}),
      },
      { ...watch.options, ...(sink ? { onEvent: sink.write } : {}), ...(opts.replay ? { keyframeEveryTicks: DEFAULT_KEYFRAME_EVERY_TICKS } : {}) },
    );
  } finally {
    watch.stop();
    sink?.close();
  }
  const { result } = out;
  const cpu = process.cpuUsage(cpuStart);
  // Simulated seconds per second of this process's CPU time: the speed on a machine shared with other work.
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  if (sink) console.error(`${sink.count} events written to ${opts.events}`);
  if (opts.replay && out.replay) {
    const bytes = encodeReplay(out.replay);
    await writeFile(opts.replay, bytes);
    console.error(`replay written to ${opts.replay} (${(bytes.length / 1024).toFixed(0)} KiB)`);
  }
  console.log(formatKpiTable(result));
  const rates: LorrRates | null = lorr ? lorrRates(result, lorr) : null;
  if (rates) console.log(formatLorrRates(rates));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const cpuRealTimeFactor = result.simulatedSec / Math.max(cpuSec, 1e-9);
  console.log(
    `import ${importSec.toFixed(2)} s, peak RSS ${peakRssMb.toFixed(0)} MB, run CPU ${cpuSec.toFixed(1)} s (${cpuRealTimeFactor.toFixed(2)}× real time per CPU second)`,
  );
  if (opts.json)
    await writeFile(
      opts.json,
      `${JSON.stringify({ ...result, importSec: round3(importSec), peakRssMb: Math.round(peakRssMb), cpuSec: round3(cpuSec), cpuRealTimeFactor: round3(cpuRealTimeFactor), ...(rates ? { lorr: rates } : {}) }, null, 2)}\n`,
    );
  if (result.interrupted) {
    console.error(
      `interrupted at ${(result.simulatedSec / 60).toFixed(1)} simulated minutes: the table${opts.json ? ' and --json' : ''} cover the run up to there`,
    );
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return;
  }
  const line = failureLine(result.failures);
  if (line) console.error(`error: ${line}`);
  process.exitCode = runExitCode(result.failures);
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
