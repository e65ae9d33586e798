import type { SpecIssue } from '../schema/spec-error.ts';

/** What one layout cell is. Values are stable: they are hashed and shipped to the renderer. */
export const CellKind = {
  Wall: 0,
  Floor: 1,
  Rack: 2,
  Station: 3,
  Charger: 4,
  Spawn: 5,
  OneWay: 6,
  ToteRack: 7,
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

/** Direction index: 0 north (-z, up the page), 1 east (+x), 2 south (+z), 3 west (-x). */
export const DIR_COL = [0, 1, 0, -1] as const;
export const DIR_ROW = [-1, 0, 1, 0] as const;

/** A layout character: the cell kind the grid records there, an optional one-way direction, its meaning. */
export interface LayoutChar {
  /** CellKind recorded in the grid. */
  readonly cell: CellKind;
  /** One-way direction (0 N, 1 E, 2 S, 3 W), for lane characters. */
  readonly dir?: number;
  readonly meaning: string;
}

/** The characters of the floor itself; kinds add theirs (racks, stations, spawn points …). */
export const WORLD_LEGEND: Readonly<Record<string, LayoutChar>> = Object.freeze({
  '#': { cell: CellKind.Wall, meaning: 'wall' },
  '.': { cell: CellKind.Floor, meaning: 'floor, two-way aisle' },
  '^': { cell: CellKind.OneWay, dir: 0, meaning: 'one-way lane heading north: no travel against it, turning on or off sideways is allowed' },
  '>': { cell: CellKind.OneWay, dir: 1, meaning: 'one-way lane heading east: no travel against it, turning on or off sideways is allowed' },
  v: { cell: CellKind.OneWay, dir: 2, meaning: 'one-way lane heading south: no travel against it, turning on or off sideways is allowed' },
  '<': { cell: CellKind.OneWay, dir: 3, meaning: 'one-way lane heading west: no travel against it, turning on or off sideways is allowed' },
});

/** Parsed layout: one byte per cell, row-major, row 0 at the top (north). */
export interface LayoutGrid {
  cols: number;
  rows: number;
  cellM: number;
  /** CellKind per cell (rows × cols). */
  kinds: Uint8Array;
  /** One-way direction per cell, -1 for two-way cells (rows × cols). */
  oneWay: Int8Array;
}

/**
 * Parses ASCII rows with the given legend (the world's characters plus every kind's); pushes an
 * issue per unknown character or ragged row instead of throwing.
 */
export function parseLayout(rowsText: readonly string[], cellM: number, legend: Readonly<Record<string, LayoutChar>>, issues: SpecIssue[]): LayoutGrid {
  const rows = rowsText.length;
  const cols = rowsText[0]?.length ?? 0;
  const kinds = new Uint8Array(rows * cols);
  const oneWay = new Int8Array(rows * cols).fill(-1);
  rowsText.forEach((line, r) => {
    if (line.length !== cols) {
      issues.push({
        path: `layout.rows[${r}]`,
        message: `row has ${line.length} cells but row 0 has ${cols}; every row must be the same length`,
      });
    }
    for (let c = 0; c < Math.min(cols, line.length); c++) {
      const ch = line[c]!;
      const entry = legend[ch];
      if (!entry) {
        issues.push({
          path: `layout.rows[${r}][${c}]`,
          message: `unknown layout character ${JSON.stringify(ch)}; valid: ${Object.keys(legend).join(' ')}`,
        });
        continue;
      }
      kinds[r * cols + c] = entry.cell;
      if (entry.dir !== undefined) oneWay[r * cols + c] = entry.dir;
    }
  });
  return { cols, rows, cellM, kinds, oneWay };
}

/** Wall cells merged into horizontal runs: far fewer colliders than one box per cell. */
export function wallRuns(grid: LayoutGrid): Array<{ row: number; col0: number; col1: number }> {
  const runs: Array<{ row: number; col0: number; col1: number }> = [];
  for (let r = 0; r < grid.rows; r++) {
    let start = -1;
    for (let c = 0; c <= grid.cols; c++) {
      const isWall = c < grid.cols && grid.kinds[r * grid.cols + c] === CellKind.Wall;
      if (isWall && start < 0) start = c;
      if (!isWall && start >= 0) {
        runs.push({ row: r, col0: start, col1: c - 1 });
        start = -1;
      }
    }
  }
  return runs;
}
