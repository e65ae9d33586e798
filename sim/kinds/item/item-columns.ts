import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** Item phases: parked in its pool, free (dynamic), held (kinematic: a conveyor, a gripper, a machine). */
export const ItemPhase = { Parked: 0, Free: 1, Held: 2 } as const;

/**
 * The item table, one row per pooled item (rows grouped by type, fixed for the episode). The holder
 * of a held item is `(holderKind, holderId)`, as for loads; `pathM`/`offsetM` are where a conveyor
 * carries it (along its path from the start, and to the left of its centre line).
 */
export const ITEM_COLUMNS = {
  phase: col.u8(0),
  holderKind: col.i32(-1),
  holderId: col.i32(-1),
  pathM: col.f64(0),
  offsetM: col.f64(0),
  /** Tick it came to its current holder (transit times), or -1. */
  sinceTick: col.i32(-1),
  /** 1 once it has been counted as dropped on the floor (cleared when something takes it). */
  dropped: col.u8(0),
} as const;

export type ItemTable = ThingTable<typeof ITEM_COLUMNS>;

/** The item kind's typed handle: its id, columns and table. */
export const itemRows = defineKind<typeof ITEM_COLUMNS, never, Partial<ItemModelExtras>>('item', ITEM_COLUMNS);

/** An item type as compiled: its pool is rows `firstRow … firstRow + pool − 1`. */
export interface ItemTypeModel {
  readonly id: string;
  readonly firstRow: number;
  readonly pool: number;
  readonly sizeM: { readonly x: number; readonly y: number; readonly z: number };
  readonly massKg: number;
}

/** What the item kind adds to the model. */
export interface ItemModelExtras {
  readonly itemTypes: readonly ItemTypeModel[];
}
