import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** The errand pool: one row per revealed-task slot. */
export const ERRAND_COLUMNS = {
  /** Sequence number of the task in the slot (task list index = number mod list length). */
  task: col.i32(),
  /** Index of the next errand to reach. */
  step: col.i32(),
  /** Robot doing the task, or -1 while open. */
  robot: col.i32(-1),
  /** Ticks the robot has stood on the current errand (for dwells). */
  dwellTicks: col.i32(),
  /** Tick the task was revealed. */
  releasedTick: col.i32(),
} as const;

/** Errand pool state table (see {@link ERRAND_COLUMNS}). */
export type ErrandTable = ThingTable<typeof ERRAND_COLUMNS>;

/** The errand kind's typed handle: its id, columns and table. */
export const errandRows = defineKind<typeof ERRAND_COLUMNS, never, ErrandModelFields>('errand', ERRAND_COLUMNS);

/** What the errand kind adds to the `SimModel`. */
export interface ErrandModelFields {
  /** Every task of the list as roadmap nodes, in order. */
  readonly errandTasks: readonly (readonly number[])[];
  /** Ticks to stand on errand k (the last value repeats; empty: no dwell). */
  readonly errandDwellTicks: readonly number[];
}
