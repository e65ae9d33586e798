import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/**
 * The load table, indexed by load id. A load is held by at most one thing, named by
 * `(holderKind, holderId)`: the holder's kind index in the kind registry (robot = 0) and its id.
 */
export const LOAD_COLUMNS = {
  node: col.i32(-1), // node the load rests on, or -1 while held
  holderKind: col.i32(-1), // kind index of the holder, or -1 while resting
  holderId: col.i32(-1), // id of the holder within its kind, or -1
  task: col.i32(-1), // active task using this load, or -1
  settleTicksLeft: col.i32(), // ticks a set-down load stays dynamic before it is fixed in place; 0 when fixed
} as const;

/** Load state table (see {@link LOAD_COLUMNS}). */
export type LoadTable = ThingTable<typeof LOAD_COLUMNS>;

/** The load kind's typed handle: its id, columns and table. */
export const loadRows = defineKind('load', LOAD_COLUMNS);
