import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { formatKpiTable } from '../report/kpi-table.ts';
import { runScenario } from '../run-scenario.ts';
import { parseNonNegativeInt, parsePositiveInt, parsePositiveNumber } from './parse-options.ts';

/** `bench run <scenario> [--seed N] [--controller NAME] [--robots N] [--minutes M] [--json FILE]`. */
export function runCommand(): Command {
  return new Command('run')
    .description('run one scenario headless at full speed; print its KPIs and state hash')
    .argument('<scenario>', 'scenario id, e.g. warehouse/g2p-small')
    .option('--seed <n>', 'episode seed (default: the scenario\'s)', parseNonNegativeInt)
    .option('--controller <name>', 'fleet controller', 'greedy')
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--minutes <m>', 'override the simulated horizon, minutes', parsePositiveNumber)
    .option('--json <file>', 'also write the result as JSON')
    .action(async (scenario: string, opts: { seed?: number; controller: string; robots?: number; minutes?: number; json?: string }) => {
      const overrides = { ...(opts.robots !== undefined ? { robots: opts.robots } : {}), ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}) };
      const result = await runScenario({ scenario, controller: opts.controller, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), overrides });
      console.log(formatKpiTable(result));
      if (opts.json) await writeFile(opts.json, JSON.stringify(result, null, 2) + '\n');
    });
}
