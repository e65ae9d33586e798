import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { DEFAULT_CONTROLLER } from '../../../robots/index.ts';
import type { Isolation } from '../../run/run-scenario.ts';
import { DEFAULT_CONTROLLER_BUDGET_MS } from '../../run/isolated-controller.ts';
import { failureLine, runExitCode } from '../../run/run-failures.ts';
import { runSoak } from '../../run/soak-loop.ts';
import { UsageError } from '../../run/usage-error.ts';
import { checkWritableFile } from './output-paths.ts';
import { parseBudgetMs, parseHours, parseIsolation, parseNonNegativeInt, parsePositiveInt } from './parse-options.ts';

interface SoakOptions {
  scenario: string;
  controller: string;
  hours: number;
  sampleEveryHours: number;
  robots?: number;
  seed?: number;
  json?: string;
  isolation: Isolation;
  controllerBudgetMs: number;
}

/** `bench soak [--scenario warehouse/g2p-medium] [--hours 8] [--json FILE]`: a long run that must not leak. */
export function soakCommand(): Command {
  return new Command('soak')
    .description(
      'long run (default: warehouse/g2p-medium for 8 simulated hours) sampling memory after every simulated hour; fails when memory after the first hour grows by 10 % or more',
    )
    .option('--scenario <id|file>', 'scenario to soak', 'warehouse/g2p-medium')
    .option('--controller <name|file>', 'fleet controller', DEFAULT_CONTROLLER)
    .option('--hours <h>', 'simulated hours (at most 168)', parseHours, 8)
    .option('--sample-every-hours <h>', 'simulated hours between memory samples', parseHours, 1)
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--seed <n>', 'episode seed', parseNonNegativeInt)
    .option('--json <file>', 'also write the report as JSON')
    .option('--isolation <mode>', 'where the controller runs: auto, worker, thread', parseIsolation, 'auto')
    .option('--controller-budget-ms <ms>', 'wall-clock budget of one isolated decide() call', parseBudgetMs, DEFAULT_CONTROLLER_BUDGET_MS)
    .addHelpText(
      'after',
      '\nExit codes: 0 memory stayed within 10 %; 1 memory grew 10 % or more; 2 usage error; 3 the controller failed; 4 the watchdog stopped the episode.',
    )
    .action(async (opts: SoakOptions) => {
      if (opts.json) checkWritableFile('--json', opts.json);
      if (opts.sampleEveryHours > opts.hours / 2)
        throw new UsageError(`--sample-every-hours ${opts.sampleEveryHours} leaves fewer than two samples in ${opts.hours} simulated hours`);
      console.log(`soak ${opts.scenario}: ${opts.hours} simulated hours, a memory sample every ${opts.sampleEveryHours} h`);
      const report = await runSoak({
        scenario: opts.scenario,
        controller: opts.controller,
        hours: opts.hours,
        sampleEveryHours: opts.sampleEveryHours,
        isolation: opts.isolation,
        budgetMs: opts.controllerBudgetMs,
        ...(opts.robots ? { robots: opts.robots } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        onSample: (s) =>
          console.log(
            `  ${s.simulatedHours.toFixed(2)} h  heap ${s.heapMiB.toFixed(1)} MiB  external ${s.externalMiB.toFixed(1)} MiB  rss ${s.rssMiB.toFixed(1)} MiB`,
          ),
      });
      console.log(
        `memory growth after the first sample: ${(report.growth * 100).toFixed(1)} % (limit ${(report.maxGrowth * 100).toFixed(0)} %); ${report.result.kpis.ordersDelivered} orders delivered; ${report.wallSec} s wall; ${report.passed ? 'PASS' : 'FAIL'}`,
      );
      if (opts.json) await writeFile(opts.json, `${JSON.stringify(report, null, 2)}\n`);
      const line = failureLine(report.result.failures);
      if (line) console.error(`error: ${line}`);
      const code = runExitCode(report.result.failures);
      process.exitCode = code !== 0 ? code : report.passed ? 0 : 1;
    });
}
