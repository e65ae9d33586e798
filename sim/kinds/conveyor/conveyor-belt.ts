import { ItemPhase, type ItemTable } from '../item/index.ts';
import type { ItemModel } from '../item/index.ts';
import type { ConveyorModel } from './conveyor-model.ts';

/** Positions closer than this count as the same (metres). */
export const EPS_M = 1e-9;

/** Farthest a belt's front item may go: its centre at the end when the belt feeds another, else its front edge at the end. */
export function endLimitM(c: ConveyorModel, halfM: number): number {
  return c.feeds >= 0 ? c.path.lengthM : c.path.lengthM - halfM;
}

/** Whether the interval of half-length `halfM` centred at `sM` keeps `gapM` from every item in `list`. */
export function roomOnList(list: readonly number[], it: ItemTable, items: readonly ItemModel[], sM: number, halfM: number, gapM: number): boolean {
  for (let k = 0; k < list.length; k++) {
    const j = list[k]!;
    if (Math.abs(it.pathM[j]! - sM) < items[j]!.halfX + halfM + gapM - EPS_M) return false;
  }
  return true;
}

/** Inserts `item` into a front-first list by its `pathM` (behind equals: arrival order). */
export function insertByPath(list: number[], it: ItemTable, item: number): void {
  const s = it.pathM[item]!;
  let k = 0;
  while (k < list.length && it.pathM[list[k]!]! >= s) k++;
  list.splice(k, 0, item);
}

/** Keeps only the items the item table says this belt holds (others were consumed, grasped or released). */
export function pruneList(list: number[], it: ItemTable, conveyorKind: number, conveyor: number): void {
  let w = 0;
  for (let k = 0; k < list.length; k++) {
    const j = list[k]!;
    if (it.phase[j] === ItemPhase.Held && it.holderKind[j] === conveyorKind && it.holderId[j] === conveyor) list[w++] = j;
  }
  list.length = w;
}

/** Largest lateral offset that keeps an item of half-width `halfZ` on the belt. */
export function clampOffset(c: ConveyorModel, offsetM: number, halfZ: number): number {
  const max = Math.max(0, c.widthM / 2 - halfZ);
  return offsetM > max ? max : offsetM < -max ? -max : offsetM;
}
