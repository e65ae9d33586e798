/**
 * The READMEs' measured-figures tables, rendered from the committed results store
 * (`bench/data/results/`, see results-store.ts) so a figure in a README is always one a command
 * wrote: each table sits between `<!-- generated:NAME -->` markers like the reference tables, with
 * the commands that measured it (date, commit, machine, load) printed under it. `npm run docs`
 * rewrites the blocks; tests/readme/measured-tables.test.ts fails when one differs from its results.
 * Re-measure with `npm run docs -- record NAME -- <command>` (record-result.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type CompareJson, compareTableMarkdown } from '../../analyse/compare/compare-table.ts';
import { formatLorrExamplesTable, type LorrExampleRow } from '../commands/lorr-examples.ts';
import { REPO_ROOT, withBlock } from './reference-tables.ts';
import { type RecordedResult, RESULTS_DIR, readResult } from './results-store.ts';

/** The note at the top of every measured block. */
export const MEASURED_NOTE =
  '<!-- written by `npm run docs` from committed results (bench/cli/docs/measured-tables.ts); re-measure, do not edit this table -->';

/** One measured table: its marker name, its README, the results it is drawn from, and its Markdown (table and provenance). */
export interface MeasuredTable {
  readonly name: string;
  readonly file: string;
  /** Results files (names in the store) the table is drawn from. */
  readonly results: readonly string[];
  render(root?: string): string;
}

const num = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One line per results file: the command, when and where it ran, and how to measure it again. */
export function provenance(stored: ReadonlyArray<{ name: string; result: RecordedResult }>): string {
  const lines = stored.map(({ name, result: { recorded: r } }) => {
    const args = r.command.replace(/^npm run bench -- |^npx tsx /, '');
    return (
      `- \`${r.command}\`: ${r.date.slice(0, 10)}, commit \`${r.commit.slice(0, 7)}${r.commit.endsWith('+dirty') ? '+dirty' : ''}\`, ${r.machine}, ` +
      `load ${r.loadBefore} → ${r.loadAfter}; \`${RESULTS_DIR}/${name}.json\`, re-measured by \`npm run docs -- record ${name} -- ${args}\``
    );
  });
  return [`Measured by (then \`npm run docs\` redraws the table):`, '', ...lines].join('\n');
}

// ---- LoRR examples (scenarios/README.md) ----------------------------------------------------

const lorrRow = z.object({
  example: z.string(),
  robots: z.number(),
  map: z.string(),
  importSec: z.number().nullable(),
  realTimeFactor: z.number().nullable(),
  cpuRealTimeFactor: z.number().nullable(),
  simulatedSec: z.number().nullable(),
  tasksFinished: z.number().nullable(),
  tasksPerHour: z.number().nullable(),
  tasksPerLorrTick: z.number().nullable(),
  robotRobotCollisions: z.number().nullable(),
  peakRssMb: z.number().nullable(),
  loadBefore: z.number().optional(),
  loadAfter: z.number().optional(),
  status: z.string(),
});
/** What `bench lorr-examples --json` writes. */
const lorrExamplesOutput = z.object({ controller: z.string(), minutes: z.number(), machine: z.string(), rows: z.array(lorrRow) });

/** The examples of every results file in one table, as `bench lorr-examples` prints it. */
function lorrExamplesTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, lorrExamplesOutput, root) }));
  const controllers = [...new Set(stored.map((s) => s.result.output.controller))];
  const rows: LorrExampleRow[] = stored.flatMap((s) => s.result.output.rows);
  const minutes = stored.map((s) => `${s.result.output.minutes} simulated min`).join(' / ');
  return [
    `${minutes} per example (one line per command below), controller ${controllers.join(', ')}; load = 1-minute load average at the start → end of each example.`,
    '',
    formatLorrExamplesTable(rows, controllers.join(', ')),
    '',
    provenance(stored),
  ].join('\n');
}

// ---- bench perf (scenarios/README.md, robots/README.md) -------------------------------------

const perfRow = z.object({
  scenario: z.string(),
  robots: z.number(),
  controller: z.string(),
  realTimeFactor: z.number(),
  tickMs: z.number(),
  physicsMs: z.number(),
  controllerMs: z.number(),
  otherMs: z.number(),
  bareStepMs: z.number(),
  bareReplayMs: z.number(),
  ratioToBarePhysics: z.number(),
  simRatioToBarePhysics: z.number(),
  peakRssMb: z.number(),
});
/** What `bench perf --json` writes: the robot rows, then (unless `--no-line`) the production-line rows, which have no `tickMs`. */
const perfOutput = z.array(z.union([perfRow, z.object({ eventSpeedFactor: z.number() })]));
type PerfRow = z.infer<typeof perfRow>;

function perfRows(names: readonly string[], root: string) {
  const stored = names.map((name) => ({ name, result: readResult(name, perfOutput, root) }));
  const rows = stored.flatMap((s) => s.result.output.filter((r): r is PerfRow => 'tickMs' in r).map((row) => ({ row, recorded: s.result.recorded })));
  return { stored, rows };
}

/** The LoRR problems imported as scenarios (`bench export --import`), by scenario id; any other scenario is shown by its id. */
const LORR_MAPS: Readonly<Record<string, string>> = {
  'import/lorr-fulfill-example-2500@1': 'warehouse 140×500',
  'import/lorr-iron-example-10000@1': 'iron harvest 1912×1800',
};

/** `bench perf` on the LoRR problems at 1,000 to 10,000 robots. */
function perfLorrTable(names: readonly string[], root: string): string {
  const { stored, rows } = perfRows(names, root);
  const header = '| map | robots | real-time factor | tick ms | physics | controller | other (sim) | bare replay ms | ratio | sim ratio | peak RSS MB | load |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const { row: r, recorded } of rows) {
    const map = LORR_MAPS[r.scenario] ?? `\`${r.scenario}\``;
    lines.push(
      `| ${map} | ${num(r.robots, 0)} | ${num(r.realTimeFactor, 2)}× | ${num(r.tickMs, 2)} | ${num(r.physicsMs, 2)} | ${num(r.controllerMs, 2)} | ${num(r.otherMs, 2)} | ` +
        `${num(r.bareReplayMs, 2)} | ${num(r.ratioToBarePhysics, 2)} | ${num(r.simRatioToBarePhysics, 2)} | ${num(r.peakRssMb, 0)} | ${recorded.loadBefore}→${recorded.loadAfter} |`,
    );
  }
  return [lines.join('\n'), '', provenance(stored)].join('\n');
}

/** `bench perf` on the built-in scenarios (robots/README.md). */
function perfScenariosTable(names: readonly string[], root: string): string {
  const { stored, rows } = perfRows(names, root);
  const lines = [
    '| scenario | robots | real-time factor | tick ms | physics ms | controller ms | other ms | bare replay ms | ratio | sim ratio | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { row: r } of rows) {
    const scenario = r.scenario.replace(/^warehouse\//, '').replace(/@\d+$/, '');
    lines.push(
      `| ${scenario} | ${num(r.robots, 0)} | ${num(r.realTimeFactor, 0)}× | ${num(r.tickMs, 3)} | ${num(r.physicsMs, 3)} | ${num(r.controllerMs, 3)} | ${num(r.otherMs, 3)} | ` +
        `${num(r.bareReplayMs, 3)} | ${num(r.ratioToBarePhysics, 2)} | ${num(r.simRatioToBarePhysics, 2)} | ${num(r.peakRssMb, 0)} MB |`,
    );
  }
  return [lines.join('\n'), '', provenance(stored)].join('\n');
}

// ---- bench suite (robots/README.md) ---------------------------------------------------------

const suiteRun = z.object({
  controller: z.string(),
  label: z.string(),
  robots: z.number(),
  status: z.string(),
  kpis: z.object({ throughputPerHour: z.number(), collisions: z.object({ robotRobot: z.number() }) }).nullable(),
});
/** What `bench suite --json` writes (the suite's results.json). */
const suiteOutput = z.object({ suite: z.string(), runs: z.array(suiteRun) });

/** Throughput against fleet size, one row per controller (mean over seeds), then each controller's robot–robot collisions. */
function fleetSizeTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, suiteOutput, root) }));
  const runs = stored.flatMap((s) => s.result.output.runs);
  const sizes = [...new Set(runs.map((r) => r.robots))].sort((a, b) => a - b);
  const labels = [...new Set(runs.map((r) => r.label))];
  const cell = (label: string, robots: number, figure: (k: NonNullable<z.infer<typeof suiteRun>['kpis']>) => number) => {
    const of = runs.filter((r) => r.label === label && r.robots === robots);
    if (of.length === 0) return '–';
    if (of.some((r) => r.kpis === null)) return of.find((r) => r.kpis === null)!.status;
    return num(of.reduce((sum, r) => sum + figure(r.kpis!), 0) / of.length, 0);
  };
  const lines = [`| robots | ${sizes.map((n) => num(n, 0)).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const label of labels) lines.push(`| \`${label}\` | ${sizes.map((n) => cell(label, n, (k) => k.throughputPerHour)).join(' | ')} |`);
  for (const label of labels)
    lines.push(`| \`${label}\` robot-robot collisions | ${sizes.map((n) => cell(label, n, (k) => k.collisions.robotRobot)).join(' | ')} |`);
  return [lines.join('\n'), '', provenance(stored)].join('\n');
}

// ---- the page's frame time (web/README.md) -------------------------------------------------

const frameFigures = z.object({ robots: z.number(), firstFrameMs: z.number(), frames: z.number(), meanMs: z.number(), p50Ms: z.number(), p95Ms: z.number() });
/** What `bench/run/browser-frame-time.ts --json` writes. */
const frameTimeOutput = z.object({ seconds: z.number(), results: z.array(frameFigures) });

/** Main-thread time per frame by fleet size: the mean over the runs stored. */
function frameTimeTable(names: readonly string[], root: string): string {
  const stored = names.map((name) => ({ name, result: readResult(name, frameTimeOutput, root) }));
  const all = stored.flatMap((s) => s.result.output.results);
  const sizes = [...new Set(all.map((r) => r.robots))].sort((a, b) => a - b);
  const lines = ['| robots | frames | mean ms | p50 ms | p95 ms | time to first frame ms |', '|---:|---:|---:|---:|---:|---:|'];
  for (const robots of sizes) {
    const of = all.filter((r) => r.robots === robots);
    const mean = (f: (r: z.infer<typeof frameFigures>) => number) => of.reduce((sum, r) => sum + f(r), 0) / of.length;
    lines.push(
      `| ${num(robots, 0)} | ${num(
        mean((r) => r.frames),
        0,
      )} | ${num(
        mean((r) => r.meanMs),
        2,
      )} | ${num(
        mean((r) => r.p50Ms),
        2,
      )} | ${num(
        mean((r) => r.p95Ms),
        2,
      )} | ${num(
        mean((r) => r.firstFrameMs),
        0,
      )} |`,
    );
  }
  return [`The mean of ${stored.length} run${stored.length === 1 ? '' : 's'}:`, '', lines.join('\n'), '', provenance(stored)].join('\n');
}

// ---- bench compare (robots/README.md) -------------------------------------------------------

function readCompareFiles(files: readonly string[], root: string): CompareJson[] {
  return files.map((file) => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8')) as CompareJson;
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  });
}

/** Committed `bench compare --json` files from before the store (no header): drawn as `bench compare-table` draws them. */
function compareFilesTable(files: readonly string[], root: string): string {
  const parsed = readCompareFiles(files, root);
  return [
    compareTableMarkdown(parsed).trimEnd(),
    '',
    `Drawn by \`npm run docs\` as \`npm run bench -- compare-table ${files.join(' ')}\` draws it (files committed before \`${RESULTS_DIR}\`, without a header).`,
  ].join('\n');
}

/** What each floor-rule variant turns on (the scenarios' `orders` section against g2p-medium's). */
const FLOOR_RULES: Readonly<Record<string, string>> = {
  'warehouse/g2p-medium-until-picked@1': "`batching: 'until-picked'`",
  'warehouse/g2p-medium-pod-affinity@1': "`stationChoice: 'pod-affinity'`",
  'warehouse/g2p-medium-batched@1': 'both (`warehouse/g2p-medium-batched`)',
};

/** Floor rules off (A) against on (B), one controller: each file one row, A → B per KPI. */
function floorRulesTable(files: readonly string[], root: string): string {
  const p = (v: number) => (v < 0.001 ? '< 0.001' : v.toFixed(3));
  const lines = [
    '| robots | B: floor rules | throughput (orders/h), A → B | cycle time p95 (s), A → B | Welch p (throughput; p95) | B vs A |',
    '|---:|---|---:|---:|---:|---|',
  ];
  for (const f of readCompareFiles(files, root)) {
    const rules = (id: string) => FLOOR_RULES[id] ?? `\`${id}\``;
    const b = rules(f.scenarioB ?? f.scenario);
    const label = f.scenario === 'warehouse/g2p-medium@1' ? b : `${b}, against ${rules(f.scenario)} alone`;
    const kpi = (name: string) => {
      const k = f.kpis.find((x) => x.kpi === name);
      if (!k) throw new Error(`compare file for ${f.scenarioB}: no ${name} KPI`);
      return k;
    };
    const [tp, p95] = [kpi('throughputPerHour'), kpi('cycleTimeP95Sec')];
    const side = (s: { mean: number; ci95: number }) => `${num(s.mean, 0)} ± ${num(s.ci95, 0)}`;
    const verdict = tp.verdict === p95.verdict ? tp.verdict : `throughput ${tp.verdict}, p95 ${p95.verdict}`;
    lines.push(
      `| ${f.robots ?? f.overrides.robots ?? 'default'} | ${label} | ${side(tp.a)} → ${side(tp.b)} | ${side(p95.a)} → ${side(p95.b)} | ${p(tp.welch.p)}; ${p(p95.welch.p)} | ${verdict} |`,
    );
  }
  return [
    lines.join('\n'),
    '',
    `Drawn by \`npm run docs\` from the \`bench compare --json\` files ${files.map((f) => `\`${f}\``).join(', ')} (committed before \`${RESULTS_DIR}\`, without a header).`,
  ].join('\n');
}

const FLOOR_RULES_FILES = [
  'g2p-medium-until-picked',
  'g2p-medium-pod-affinity',
  'g2p-medium-batched',
  'g2p-medium-pod-affinity-vs-batched',
  'g2p-medium-batched-150',
].map((f) => `bench/data/compare/results/${f}.json`);

const PIBT_RESERVE_FILES = ['g2p-small', 'g2p-medium', 'g2p-medium-150'].map((f) => `bench/data/compare/results/${f}.json`);

/** Every measured table and the README it lives in. */
export const MEASURED_TABLES: readonly MeasuredTable[] = [
  {
    name: 'lorr-examples',
    file: 'scenarios/README.md',
    results: ['lorr-examples', 'lorr-examples-iron'],
    render(root = REPO_ROOT) {
      return lorrExamplesTable(this.results, root);
    },
  },
  {
    name: 'perf-lorr',
    file: 'scenarios/README.md',
    results: ['perf-lorr-warehouse', 'perf-lorr-iron'],
    render(root = REPO_ROOT) {
      return perfLorrTable(this.results, root);
    },
  },
  {
    name: 'perf-scenarios',
    file: 'robots/README.md',
    results: ['perf-scenarios'],
    render(root = REPO_ROOT) {
      return perfScenariosTable(this.results, root);
    },
  },
  {
    name: 'fleet-size',
    file: 'robots/README.md',
    results: ['fleet-medium'],
    render(root = REPO_ROOT) {
      return fleetSizeTable(this.results, root);
    },
  },
  {
    name: 'frame-time',
    file: 'web/README.md',
    results: ['frame-time-1', 'frame-time-2', 'frame-time-3', 'frame-time-4'],
    render(root = REPO_ROOT) {
      return frameTimeTable(this.results, root);
    },
  },
  {
    name: 'compare-pibt-reserve',
    file: 'robots/README.md',
    results: [],
    render(root = REPO_ROOT) {
      return compareFilesTable(PIBT_RESERVE_FILES, root);
    },
  },
  {
    name: 'compare-floor-rules',
    file: 'robots/README.md',
    results: [],
    render(root = REPO_ROOT) {
      return floorRulesTable(FLOOR_RULES_FILES, root);
    },
  },
];

/** Rewrites every README's measured blocks from the results store; returns the files that changed. */
export function writeMeasuredTables(root: string = REPO_ROOT, tables: readonly MeasuredTable[] = MEASURED_TABLES): string[] {
  const changed: string[] = [];
  for (const file of [...new Set(tables.map((t) => t.file))]) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = tables.filter((t) => t.file === file).reduce((text, t) => withBlock(text, file, t.name, t.render(root), MEASURED_NOTE), before);
    if (after !== before) {
      writeFileSync(path, after);
      changed.push(file);
    }
  }
  return changed;
}
