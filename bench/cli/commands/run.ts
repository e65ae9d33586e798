import { DEFAULT_CONTROLLER } from '../../../robots/index.ts';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { formatKpiTable } from '../../analyse/report/kpi-table.ts';
import { encodeReplay } from '../../../sim/index.ts';
import { recordScenario, runScenario, type Isolation, type RunResult } from '../../run/run-scenario.ts';
import { openEventSink } from '../../run/event-sink.ts';
import { DEFAULT_CONTROLLER_BUDGET_MS, DEFAULT_CONTROLLER_MEMORY_MB } from '../../run/isolated-controller.ts';
import { exitCodeLines, failureLine, runExitCode } from '../../run/run-failures.ts';
import { UsageError } from '../../run/usage-error.ts';
import { resolveScenario } from '../../run/registry.ts';
import { checkWritableFile } from './output-paths.ts';
import { parseBudgetMs, parseIsolation, parseMinutes, parseNonNegativeInt, parsePositiveInt, parsePositiveNumber } from './parse-options.ts';
import { runImported } from './run-imported.ts';
import { runReplications } from './run-replications.ts';
import { INTERRUPTED_EXIT_CODE, watchRun } from './watch-run.ts';

interface RunOptions {
  seed?: number;
  controller: string;
  robots?: number;
  minutes?: number;
  warmupMin?: number;
  replications?: number;
  json?: string;
  replay?: string;
  events?: string;
  isolation: Isolation;
  pipeline?: boolean;
  controllerBudgetMs: number;
  controllerMemoryMb: number;
  cellController?: string;
  import?: string;
  cellM?: number;
}

/** Help text after the options: exit codes and isolation. */
export const RUN_EXIT_CODES_HELP = `
Exit codes:
${exitCodeLines()
  .map((l) => `  ${l}`)
  .join('\n')}
A long run shows a progress bar on a terminal (simulated time, speed, ETA), a line every 10 s in CI.
A controller given as a module path runs isolated in a worker thread by default (--isolation auto).`;

/** `bench run <scenario> [--seed N] [--controller NAME] [--robots N] [--minutes M] [--json FILE] [--replay FILE] [--events FILE]`. */
export function runCommand(): Command {
  return new Command('run')
    .description('run one scenario headless at full speed; print its KPIs and state hash')
    .argument('[scenario]', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file')
    .option('--seed <n>', "episode seed (default: the scenario's)", parseNonNegativeInt)
    .option('--controller <name|file>', 'fleet controller: a registered name or a module path (default export: () => FleetController)', DEFAULT_CONTROLLER)
    .option(
      '--cell-controller <name|file>',
      'cell controller for the arms: a registered name (pick-place) or a module path (default export: () => CellController)',
    )
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--minutes <m>', 'override the simulated horizon, minutes (at most 10080, 7 days)', parseMinutes)
    .option('--warmup-min <m>', 'production line: leave the first M simulated minutes out of every line KPI (the warm-up; sets line.warmupSec)', parseMinutes)
    .option(
      '--replications <n>',
      "independent runs with seeds seed, seed+1, …: each KPI's mean and 95 % confidence interval, and Welch's check of the warm-up for a line",
      parsePositiveInt,
    )
    .option('--json <file>', 'also write the result as JSON')
    .option('--replay <file>', 'also write a replay the browser test field opens (.tfr)')
    .option('--import <file>', 'run an imported MovingAI .map or League of Robot Runners problem .json instead of a scenario')
    .option('--cell-m <m>', 'cell size of an imported grid, metres (default 1)', parsePositiveNumber)
    .option('--events <file>', 'stream every event as it happens to a JSON Lines file')
    .option(
      '--isolation <mode>',
      'where the controller runs: auto (module paths in a worker thread, built-ins in-thread), worker, thread',
      parseIsolation,
      'auto',
    )
    .option('--pipeline', 'decide while the world steps: the controller runs in a worker thread, its commands act one control period late')
    .option(
      '--controller-budget-ms <ms>',
      'wall-clock budget of one isolated decide() call; past it the controller is stopped',
      parseBudgetMs,
      DEFAULT_CONTROLLER_BUDGET_MS,
    )
    .option(
      '--controller-memory-mb <mb>',
      'memory (heap and off-heap buffers) an isolated controller may hold; past it the controller is stopped',
      parsePositiveInt,
      DEFAULT_CONTROLLER_MEMORY_MB,
    )
    .addHelpText('after', RUN_EXIT_CODES_HELP)
    .action(async (scenario: string | undefined, opts: RunOptions) => {
      for (const [option, file] of [
        ['--json', opts.json],
        ['--replay', opts.replay],
        ['--events', opts.events],
      ] as const)
        if (file) checkWritableFile(option, file);
      if (opts.pipeline && opts.isolation === 'thread')
        throw new UsageError('--pipeline runs the controller in a worker thread: it cannot be combined with --isolation thread');
      if (opts.import !== undefined) return runImported(opts.import, opts);
      if (scenario === undefined) throw new UsageError('name a scenario (or --import FILE)');
      if (opts.warmupMin !== undefined && !(resolveScenario(scenario) as { line?: unknown }).line)
        throw new UsageError(`--warmup-min: ${scenario} has no production line (no line section) whose KPIs it could leave the warm-up out of`);
      const overrides = {
        ...(opts.robots !== undefined ? { robots: opts.robots } : {}),
        ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
        ...(opts.warmupMin !== undefined ? { warmupMin: opts.warmupMin } : {}),
      };
      const request = {
        scenario,
        controller: opts.controller,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.cellController ? { cellController: opts.cellController } : {}),
        overrides,
        isolation: opts.isolation,
        ...(opts.pipeline ? { pipeline: true } : {}),
        budgetMs: opts.controllerBudgetMs,
        memoryMb: opts.controllerMemoryMb,
      };
      if (opts.replications !== undefined) {
        if (opts.replay || opts.events) throw new UsageError('--replications writes no --replay or --events (run one seed for those)');
        if (opts.replications < 2) throw new UsageError('--replications needs at least 2 runs for a confidence interval');
        return runReplications(request, opts.replications, opts.json);
      }
      const sink = opts.events ? openEventSink(opts.events) : null;
      const watch = watchRun(scenario);
      const options = { ...(sink ? { onEvent: sink.write } : {}), ...watch.options };
      let result: RunResult;
      try {
        if (opts.replay) {
          const recorded = await recordScenario(request, undefined, options);
          result = recorded.result;
          const bytes = encodeReplay(recorded.replay);
          await writeFile(opts.replay, bytes);
          console.error(`replay written to ${opts.replay} (${(bytes.length / 1024).toFixed(0)} KiB)`);
        } else {
          result = await runScenario(request, options);
        }
      } finally {
        watch.stop();
        sink?.close();
      }
      if (sink) console.error(`${sink.count} events written to ${opts.events}`);
      console.log(formatKpiTable(result));
      if (opts.json) await writeFile(opts.json, `${JSON.stringify(result, null, 2)}\n`);
      const line = failureLine(result.failures);
      if (line) console.error(`error: ${line}`);
      process.exitCode = runExitCode(result.failures);
      if (result.interrupted) {
        console.error(
          `interrupted at ${(result.simulatedSec / 60).toFixed(1)} simulated minutes: the table${opts.json ? ', --json' : ''}${opts.replay ? ', --replay' : ''}${opts.events ? ', --events' : ''} cover the run up to there`,
        );
        process.exitCode = INTERRUPTED_EXIT_CODE;
      }
    });
}
