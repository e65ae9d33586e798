/**
 * The READMEs' measured-figures tables, rendered from the committed results store
 * (`bench/data/results/`, see results-store.ts) so a figure in a README is always one a command
 * wrote: each table sits between `<!-- generated:NAME -->` markers like the reference tables, with
 * the commands that measured it (date, commit, machine, load) printed under it. `npm run docs`
 * rewrites the blocks; tests/readme/measured-tables.test.ts fails when one differs from its results.
 * Re-measure with `npm run docs -- record NAME -- <command>` (record-result.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/** The LoRR problems exported as scenario files, by file name; any other file is shown by its name. */
const LORR_MAPS: Readonly<Record<string, string>> = {
  'wh1000.json': 'warehouse 140×500',
  'wh2500.json': 'warehouse 140×500',
  'iron.json': 'iron harvest 1912×1800',
};

/** `bench perf` on the LoRR problems at 1,000 to 10,000 robots. */
function perfLorrTable(names: readonly string[], root: string): string {
  const { stored, rows } = perfRows(names, root);
  const header = '| map | robots | real-time factor | tick ms | physics | controller | other (sim) | bare replay ms | ratio | sim ratio | peak RSS MB | load |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const { row: r, recorded } of rows) {
    const map = LORR_MAPS[basename(r.scenario)] ?? `\`${basename(r.scenario)}\``;
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

// ---- bench compare (robots/README.md) -------------------------------------------------------

/** Committed `bench compare --json` files from before the store (no header): drawn as `bench compare-table` draws them. */
function compareFilesTable(files: readonly string[], root: string): string {
  const parsed = files.map((file) => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8')) as CompareJson;
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  });
  return [
    compareTableMarkdown(parsed).trimEnd(),
    '',
    `Drawn by \`npm run docs\` as \`npm run bench -- compare-table ${files.join(' ')}\` draws it (files committed before \`${RESULTS_DIR}\`, without a header).`,
  ].join('\n');
}

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
    name: 'compare-pibt-reserve',
    file: 'robots/README.md',
    results: [],
    render(root = REPO_ROOT) {
      return compareFilesTable(PIBT_RESERVE_FILES, root);
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
