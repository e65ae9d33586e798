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
import { compareFilesTable, FLOOR_RULES_FILES, floorRulesTable, PIBT_RESERVE_FILES } from './measured/compare-tables.ts';
import { fleetSizeTable } from './measured/fleet-size-table.ts';
import { frameTimeTable } from './measured/frame-time-table.ts';
import { lorrExamplesTable } from './measured/lorr-examples-table.ts';
import { perfLorrTable, perfScenariosTable } from './measured/perf-tables.ts';
import { REPO_ROOT, withBlock } from './reference-tables.ts';

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
    results: ['perf-lorr-warehouse', 'perf-lorr-warehouse-pipelined', 'perf-lorr-iron', 'perf-lorr-iron-pipelined'],
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
