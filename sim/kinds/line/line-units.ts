/**
 * Units in line lists are stored flat, three numbers each, so a buffer or source queue is one
 * `list` column row: `[id, releasedSec, product, id, releasedSec, product, …]`.
 */
export const UNIT_STRIDE = 3;

/** A unit moving through the line: its id, when its source released it, and its product index. */
export interface LineUnit {
  readonly id: number;
  readonly releasedSec: number;
  readonly product: number;
}

export function pushUnit(list: number[], unit: LineUnit): void {
  list.push(unit.id, unit.releasedSec, unit.product);
}

/** Removes and returns the first unit (FIFO). The list must not be empty. */
export function shiftUnit(list: number[]): LineUnit {
  const [id, releasedSec, product] = list.splice(0, UNIT_STRIDE) as [number, number, number];
  return { id, releasedSec, product };
}

export function unitCount(list: readonly number[]): number {
  return list.length / UNIT_STRIDE;
}
