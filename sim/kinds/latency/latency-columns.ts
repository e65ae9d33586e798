import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/**
 * Commands in flight under `command.latency`: one row per batch that can be pending at once (the
 * largest latency in the timeline, plus one). Rows exist only when the timeline has a latency
 * fault. A batch is kept as the character codes of its JSON, so it is hashed and snapshotted like
 * every other column (see `delayCommands`).
 */
export const LATENCY_COLUMNS = {
  dueTick: col.i32(-1), // tick the batch is applied on, or -1 for a free row
  issuedTick: col.i32(-1), // tick the controller issued it
  batch: col.list(), // the commands, JSON as UTF-16 code units
} as const;

export type LatencyTable = ThingTable<typeof LATENCY_COLUMNS>;

/** The latency kind's typed handle: its id, columns and table. */
export const latencyRows = defineKind('latency', LATENCY_COLUMNS);
