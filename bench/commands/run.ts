import { DEFAULT_CONTROLLER } from '../../robots/index.ts';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { formatKpiTable } from '../report/kpi-table.ts';
import { encodeReplay } from '../../sim/index.ts';
import { recordScenario, runScenario } from '../run-scenario.ts';
import { parseNonNegativeInt, parsePositiveInt, parsePositiveNumber } from './parse-options.ts';
import { runImported } from './run-imported.ts';
import { UsageError } from '../usage-error.ts';

/** `bench run <scenario> [--seed N] [--controller NAME] [--robots N] [--minutes M] [--json FILE] [--replay FILE]`. */
export function runCommand(): Command {
  return new Command('run')
    .description('run one scenario headless at full speed; print its KPIs and state hash')
    .argument('[scenario]', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file')
    .option('--seed <n>', 'episode seed (default: the scenario\'s)', parseNonNegativeInt)
    .option('--controller <name|file>', 'fleet controller: a registered name or a module path (default export: () => FleetController)', DEFAULT_CONTROLLER)
    .option('--cell-controller <name|file>', 'cell controller for the arms: a registered name (pick-place) or a module path (default export: () => CellController)')
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--minutes <m>', 'override the simulated horizon, minutes', parsePositiveNumber)
    .option('--json <file>', 'also write the result as JSON')
    .option('--replay <file>', 'also write a replay the browser test field opens (.tfr)')
    .option('--import <file>', 'run an imported MovingAI .map or League of Robot Runners problem .json instead of a scenario')
    .option('--cell-m <m>', 'cell size of an imported grid, metres (default 1)', parsePositiveNumber)
    .action(async (scenario: string | undefined, opts: { seed?: number; controller: string; cellController?: string; robots?: number; minutes?: number; json?: string; replay?: string; import?: string; cellM?: number }) => {
      if (opts.import !== undefined) return runImported(opts.import, opts);
      if (scenario === undefined) throw new UsageError('name a scenario (or --import FILE)');
      const overrides = { ...(opts.robots !== undefined ? { robots: opts.robots } : {}), ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}) };
      const request = { scenario, controller: opts.controller, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.cellController ? { cellController: opts.cellController } : {}), overrides };
      let result;
      if (opts.replay) {
        const recorded = await recordScenario(request);
        result = recorded.result;
        const bytes = encodeReplay(recorded.replay);
        await writeFile(opts.replay, bytes);
        console.error(`replay written to ${opts.replay} (${(bytes.length / 1024).toFixed(0)} KiB)`);
      } else {
        result = await runScenario(request);
      }
      console.log(formatKpiTable(result));
      if (opts.json) await writeFile(opts.json, JSON.stringify(result, null, 2) + '\n');
    });
}
