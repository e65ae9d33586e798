import { tsxExportUrl } from '../../run/ts-worker.ts';
import { DEFAULT_CONTROLLER } from '../../../robots/index.ts';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { scenarioNames } from '../../../scenarios/index.ts';
import { loadControllerFactory } from '../../run/load-controller.ts';
import { DEFAULT_WARMUP_SIM_SEC, type PerfCase, type PerfRow } from '../../analyse/perf/measure-perf.ts';
import { resolveScenario } from '../../run/registry.ts';
import { measureLinePerf, type LinePerfRow } from '../../analyse/perf/measure-line-perf.ts';
import { UsageError } from '../../run/usage-error.ts';
import { parsePositiveInt, parsePositiveNumber } from './parse-options.ts';
import { checkWritableFile } from './output-paths.ts';

interface PerfOptions {
  json?: string;
  scenario?: string[];
  robots?: string;
  controller: string;
  warmupSec: number;
  warmupSimSec: number;
  measureSec: number;
  repeat: number;
  pipeline?: boolean;
  line: string[] | false;
  lineHours: number;
}

const run = promisify(execFile);

/** `bench perf [--json out.json] [--scenario id ...] [--robots 20,100] [--warmup-sec 3] [--warmup-sim-sec 120] [--measure-sec 5] [--repeat 1]`. */
export function perfCommand(): Command {
  return new Command('perf')
    .description('sim-speed report: real-time factor, ms per tick (physics / controllers / rest), ratio to bare world.step(), peak memory')
    .option('--json <file>', 'also write the rows as a JSON list')
    .option('--scenario <id|file...>', 'scenarios to measure, ids or .json files (default: every warehouse/g2p-* scenario and production/assembly-line)')
    .option('--robots <list>', "fleet sizes, comma-separated (default: each scenario's own)")
    .option('--controller <name>', 'fleet controller (registry name or module path)', DEFAULT_CONTROLLER)
    .option('--warmup-sec <s>', 'wall seconds of warm-up per case', parsePositiveNumber, 3)
    .option(
      '--warmup-sim-sec <s>',
      'after the wall-time warm-up, simulated seconds a fresh episode runs before measuring (the same start state on any machine)',
      parsePositiveNumber,
      DEFAULT_WARMUP_SIM_SEC,
    )
    .option('--measure-sec <s>', 'wall seconds measured per case', parsePositiveNumber, 5)
    .option('--repeat <n>', 'runs per case (each in a fresh process); the run with the median ratio is reported', parsePositiveInt, 1)
    .option('--line <id|file...>', 'logical production lines timed at event speed and stepping every tick (default: production/flow-line)')
    .option('--no-line', 'skip the production-line speed table')
    .option('--pipeline', 'run the controller pipelined in a worker thread: it decides while the world steps, its commands act one control period late')
    .option('--line-hours <h>', 'simulated hours of each line run at event speed', parsePositiveNumber, 24)
    .action(async (opts: PerfOptions) => {
      if (opts.json) checkWritableFile('--json', opts.json);
      const scenarios = opts.scenario ?? scenarioNames().filter((n) => n.startsWith('warehouse/g2p-') || n === 'production/assembly-line');
      for (const s of scenarios) {
        // The robot table steps every tick and replays each on bare Rapier: a line without robots belongs in --line (event speed).
        const fleet = (resolveScenario(s) as { fleet?: ReadonlyArray<{ count?: number }> }).fleet ?? [];
        if (!fleet.some((f) => (f.count ?? 0) > 0))
          throw new UsageError(
            `--scenario ${s}: it has no robots, and the robot table times robots against bare physics; time a production line with --line ${s}`,
          );
      }
      for (const s of opts.line === false ? [] : (opts.line ?? [])) resolveScenario(s);
      await loadControllerFactory(opts.controller);
      const sizes =
        opts.robots === undefined
          ? [undefined]
          : opts.robots.split(',').map((v) => {
              const n = Number(v);
              if (!Number.isInteger(n) || n < 1) throw new UsageError(`--robots must be a comma-separated list of integers >= 1, got "${opts.robots}"`);
              return n;
            });
      const entry = fileURLToPath(new URL('../../analyse/perf/perf-case-process.ts', import.meta.url));
      const rows: PerfRow[] = [];
      console.log(header());
      for (const scenario of scenarios) {
        for (const robots of sizes) {
          const c: PerfCase = {
            scenario,
            controller: opts.controller,
            warmupSec: opts.warmupSec,
            warmupSimSec: opts.warmupSimSec,
            measureSec: opts.measureSec,
            ...(opts.pipeline ? { pipeline: true } : {}),
            ...(robots !== undefined ? { robots } : {}),
          };
          const runs: PerfRow[] = [];
          for (let k = 0; k < opts.repeat; k++) {
            const { stdout } = await run(process.execPath, ['--import', tsxExportUrl('.'), entry, JSON.stringify(c)], { maxBuffer: 1 << 20 });
            runs.push(JSON.parse(stdout.trim().split('\n').pop()!) as PerfRow);
          }
          const row = medianByRatio(runs);
          rows.push(row);
          console.log(formatRow(row));
        }
      }
      const lines = opts.line === false ? [] : (opts.line ?? ['production/flow-line']);
      const lineRows: LinePerfRow[] = [];
      if (lines.length > 0)
        console.log(`\n${'line'.padEnd(24)} ${'event speed'.padStart(12)} ${'stepped'.padStart(16)} ${'every tick'.padStart(11)} ${'speed-up'.padStart(9)}`);
      for (const scenario of lines) {
        const row = await measureLinePerf(scenario, opts.controller, opts.lineHours * 3600);
        lineRows.push(row);
        console.log(
          `${row.scenario.padEnd(24)} ${`${row.eventSpeedFactor}x`.padStart(12)} ${`${row.steppedTicks}/${row.coveredTicks}`.padStart(16)} ${`${row.tickedFactor}x`.padStart(11)} ${`${(row.eventSpeedFactor / row.tickedFactor).toFixed(0)}x`.padStart(9)}`,
        );
      }
      if (opts.json) await writeFile(opts.json, `${JSON.stringify(lineRows.length > 0 ? [...rows, ...lineRows] : rows, null, 2)}\n`);
    });
}

const COLS = ['scenario', 'robots', 'RTF', 'tick ms', 'physics', 'controller', 'other', 'bare idle', 'bare replay', 'ratio', 'sim ratio', 'peak MB'];
const WIDTHS = [24, 6, 8, 8, 8, 10, 8, 9, 11, 6, 9, 8];

/** The run whose whole-tick-to-bare-physics ratio is the median (the lower middle for an even count). */
function medianByRatio(runs: PerfRow[]): PerfRow {
  const sorted = [...runs].sort((a, b) => a.ratioToBarePhysics - b.ratioToBarePhysics);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function header(): string {
  return COLS.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i]!) : c.padStart(WIDTHS[i]!))).join(' ');
}

function formatRow(r: PerfRow): string {
  const cells = [
    r.scenario,
    String(r.robots),
    `${r.realTimeFactor}x`,
    r.tickMs.toFixed(3),
    r.physicsMs.toFixed(3),
    r.controllerMs.toFixed(3),
    r.otherMs.toFixed(3),
    r.bareStepMs.toFixed(3),
    r.bareReplayMs.toFixed(3),
    r.ratioToBarePhysics.toFixed(2),
    r.simRatioToBarePhysics.toFixed(2),
    r.peakRssMb.toFixed(0),
  ];
  return cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i]!) : c.padStart(WIDTHS[i]!))).join(' ');
}
