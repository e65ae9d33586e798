import type { EditableSpec } from './editor-doc.ts';
import { EXAMPLE_SEED } from '../../sim/page-api.ts';

/** Smallest and largest blank floor the editor starts (cells a side). */
const MIN_SIDE = 3;
const MAX_SIDE = 400;

/**
 * A blank floor of `cols` × `rows` cells (walls around, floor inside) with a goods-to-person fleet
 * of four shelf lifters, an order stream and a ten-minute horizon: the planner draws the rest.
 * It is not valid until it has storage, a pick station and spawn points; the editor says so.
 */
export function blankScenario(cols: number, rows: number): EditableSpec {
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < MIN_SIDE || rows < MIN_SIDE || cols > MAX_SIDE || rows > MAX_SIDE) {
    throw new Error(`a blank floor is ${MIN_SIDE} to ${MAX_SIDE} cells a side, not ${cols} × ${rows}`);
  }
  const wall = '#'.repeat(cols);
  const inner = `#${'.'.repeat(cols - 2)}#`;
  return {
    id: `drawn/floor-${cols}x${rows}@1`,
    title: `Drawn floor ${cols} × ${rows}`,
    layout: { cellM: 1, rows: [wall, ...Array.from({ length: rows - 2 }, () => inner), wall] },
    fleet: [{ model: 'shelf-lifter', count: 4 }],
    orders: { ratePerHour: 120, skuCount: 40, skusPerLoad: 4, linesPerOrder: { min: 1, max: 2 }, pickSecPerLine: 6 },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: 600,
    seed: EXAMPLE_SEED,
  };
}

/** Reads `W×H` (`20x12`, `20×12`) as a blank floor size, or null. */
export function parseFloorSize(text: string): { cols: number; rows: number } | null {
  const m = /^\s*(\d{1,3})\s*[x×X*]\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const cols = Number(m[1]);
  const rows = Number(m[2]);
  return cols >= MIN_SIDE && rows >= MIN_SIDE && cols <= MAX_SIDE && rows <= MAX_SIDE ? { cols, rows } : null;
}
