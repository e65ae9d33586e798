import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { UsageError } from '../../run/usage-error.ts';
import { loadNow, machineLine } from './machine-load.ts';
import { checkWritableFile } from './output-paths.ts';
import { parseMinutes, parsePositiveInt } from './parse-options.ts';

/** One example's row of the table. */
export interface LorrExampleRow {
  example: string;
  robots: number;
  map: string;
  importSec: number | null;
  realTimeFactor: number | null;
  /** Simulated seconds per CPU second of the run (what the wall-clock factor would be on an unshared core). */
  cpuRealTimeFactor: number | null;
  simulatedSec: number | null;
  tasksFinished: number | null;
  tasksPerHour: number | null;
  tasksPerLorrTick: number | null;
  robotRobotCollisions: number | null;
  peakRssMb: number | null;
  /** 1-minute load average when the example started and when it ended. */
  loadBefore?: number;
  loadAfter?: number;
  /** `ok`, or why the example has no figures (timed out, failed with exit code …). */
  status: string;
}

interface LorrExamplesOptions {
  dir: string;
  controller: string;
  minutes: number;
  only?: string;
  timeoutSec: number;
  json?: string;
}

/** LoRR problem files under `dir` (any depth): JSON objects with a `mapFile`, smallest team first. */
export function findLorrProblems(dir: string): Array<{ path: string; teamSize: number }> {
  const found: Array<{ path: string; teamSize: number }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        try {
          const p = JSON.parse(readFileSync(path, 'utf8')) as { mapFile?: unknown; teamSize?: unknown };
          if (typeof p.mapFile === 'string') found.push({ path, teamSize: typeof p.teamSize === 'number' ? p.teamSize : 0 });
        } catch {
          // not a problem file
        }
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => a.teamSize - b.teamSize || a.path.localeCompare(b.path));
}

/** Runs `bench run --import` in a child process (its own peak RSS), within `timeoutSec` of wall time. */
function runChild(args: string[], timeoutSec: number): Promise<{ code: number | null; timedOut: boolean; stderr: string; peakRssMbAtTimeout: number | null }> {
  const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, cli, 'run', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let timedOut = false;
    let peakRssMbAtTimeout: number | null = null;
    const timer = setTimeout(() => {
      timedOut = true;
      peakRssMbAtTimeout = peakRssOf(child.pid);
      child.kill('SIGKILL');
    }, timeoutSec * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr, peakRssMbAtTimeout });
    });
  });
}

/** The rows as a Markdown table. */
export function formatLorrExamplesTable(rows: readonly LorrExampleRow[], controller: string): string {
  const f = (v: number | null, d: number) => (v === null ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const lines = [
    `| example | robots | map | import s | sim s | real-time factor (${controller}) | real-time factor per CPU s | tasks finished | tasks/h | tasks per LoRR tick | robot–robot collisions | peak RSS MB | load | status |`,
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.example} | ${r.robots.toLocaleString('en-US')} | ${r.map} | ${f(r.importSec, 2)} | ${f(r.simulatedSec, 0)} | ${f(r.realTimeFactor, 2)}× | ${f(r.cpuRealTimeFactor, 2)}× | ${f(r.tasksFinished, 0)} | ${f(r.tasksPerHour, 0)} | ${f(r.tasksPerLorrTick, 4)} | ${f(r.robotRobotCollisions, 0)} | ${f(r.peakRssMb, 0)} | ${r.loadBefore ?? '–'}→${r.loadAfter ?? '–'} | ${r.status} |`,
    );
  }
  return lines.join('\n');
}

/**
 * `bench lorr-examples --dir DIR`: imports and runs every League of Robot Runners problem under
 * `DIR` (e.g. the Start-Kit's `example_problems`), each in its own process for `--minutes`
 * simulated minutes, and prints one table: robots, map, import seconds, real-time factor, tasks
 * finished per hour and per LoRR tick, robot–robot collisions and peak RSS.
 */
export function lorrExamplesCommand(): Command {
  return new Command('lorr-examples')
    .description('import and run every League of Robot Runners problem under a folder (e.g. the Start-Kit example_problems); print one table')
    .requiredOption('--dir <dir>', 'folder searched (any depth) for LoRR problem .json files')
    .option('--controller <name>', 'fleet controller', 'pibt')
    .option('--minutes <m>', 'simulated minutes per example', parseMinutes, 1)
    .option('--only <names>', 'comma-separated parts of the problem file names to run (default: all)')
    .option('--timeout-sec <s>', 'wall-clock budget per example; past it the example is stopped and reported as timed out', parsePositiveInt, 1800)
    .option('--json <file>', 'also write the rows as JSON')
    .action(async (opts: LorrExamplesOptions) => {
      if (opts.json) checkWritableFile('--json', opts.json);
      let problems;
      try {
        problems = findLorrProblems(opts.dir);
      } catch (error) {
        throw new UsageError(`--dir ${opts.dir}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      const only = opts.only
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (only) problems = problems.filter((p) => only.some((o) => p.path.includes(o)));
      if (problems.length === 0) throw new UsageError(`--dir ${opts.dir}: no LoRR problem .json files found${only ? ` matching ${opts.only}` : ''}`);
      const tmp = mkdtempSync(join(tmpdir(), 'lorr-examples-'));
      const rows: LorrExampleRow[] = [];
      try {
        for (const [k, problem] of problems.entries()) {
          const name = problem.path
            .split('/')
            .pop()!
            .replace(/\.json$/, '');
          const out = join(tmp, `${k}.json`);
          console.error(`[${k + 1}/${problems.length}] ${name}: ${problem.teamSize} robots, ${opts.minutes} simulated min …`);
          const loadBefore = loadNow();
          const child = await runChild(
            ['--import', problem.path, '--controller', opts.controller, '--minutes', String(opts.minutes), '--json', out],
            opts.timeoutSec,
          );
          const row: LorrExampleRow = {
            example: name,
            robots: problem.teamSize,
            map: '',
            importSec: null,
            realTimeFactor: null,
            cpuRealTimeFactor: null,
            simulatedSec: null,
            tasksFinished: null,
            tasksPerHour: null,
            tasksPerLorrTick: null,
            robotRobotCollisions: null,
            peakRssMb: null,
            status: 'ok',
          };
          try {
            const r = JSON.parse(readFileSync(out, 'utf8')) as {
              robots: number;
              simulatedSec: number;
              realTimeFactor: number;
              wallSec?: number;
              cpuRealTimeFactor: number;
              importSec: number;
              peakRssMb: number;
              kpis: { collisions: { robotRobot: number } };
              lorr: { tasksFinished: number; tasksPerHour: number; tasksPerLorrTick: number };
              mapHeight?: number;
            };
            Object.assign(row, {
              robots: r.robots,
              importSec: r.importSec,
              // The run rounds its factor to one decimal; below 0.1× that reads 0, so recompute it.
              realTimeFactor: r.wallSec ? Math.round((r.simulatedSec / r.wallSec) * 1000) / 1000 : r.realTimeFactor,
              cpuRealTimeFactor: r.cpuRealTimeFactor,
              simulatedSec: r.simulatedSec,
              tasksFinished: r.lorr.tasksFinished,
              tasksPerHour: r.lorr.tasksPerHour,
              tasksPerLorrTick: r.lorr.tasksPerLorrTick,
              robotRobotCollisions: r.kpis.collisions.robotRobot,
              peakRssMb: r.peakRssMb,
            });
          } catch {
            const imported = /imported .* in ([\d.]+) s/.exec(child.stderr);
            if (imported) row.importSec = Number(imported[1]);
            row.peakRssMb = child.peakRssMbAtTimeout;
            row.status = child.timedOut
              ? `timed out after ${opts.timeoutSec} s`
              : `failed (exit ${child.code}): ${child.stderr.trim().split('\n').pop() ?? ''}`;
          }
          row.map = mapSize(problem.path);
          row.loadBefore = loadBefore;
          row.loadAfter = loadNow();
          rows.push(row);
          console.error(
            `  ${row.status}${row.realTimeFactor !== null ? `: ${row.realTimeFactor}× real time, ${row.tasksFinished} tasks, import ${row.importSec} s, peak RSS ${row.peakRssMb} MB` : ''}`,
          );
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      const machine = machineLine();
      console.log(
        `Machine: ${machine}; ${opts.minutes} simulated min per example, controller ${opts.controller}; load = 1-minute load average at the start → end of each example.\n`,
      );
      console.log(formatLorrExamplesTable(rows, opts.controller));
      if (opts.json)
        await writeFile(
          opts.json,
          `${JSON.stringify({ controller: opts.controller, minutes: opts.minutes, machine, rows }, null, 2)}
`,
        );
    });
}

/** A live process's peak RSS so far, MB (Linux `/proc`; null elsewhere). */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** `H×W` from the problem's map header (`?` when unreadable). */
function mapSize(problemPath: string): string {
  try {
    const p = JSON.parse(readFileSync(problemPath, 'utf8')) as { mapFile: string };
    const head = readFileSync(join(problemPath, '..', p.mapFile), 'utf8')
      .slice(0, 200)
      .split(/\r?\n/);
    const h = head[1]?.split(/\s+/)[1];
    const w = head[2]?.split(/\s+/)[1];
    return `${h}×${w}`;
  } catch {
    return '?';
  }
}
