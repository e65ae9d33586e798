import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** One row per line-side stand. */
export const LINESIDE_COLUMNS = {
  stock: col.i32(), // parts (inbound) or finished units (outbound) on the stand now
  taken: col.i32(), // parts the line took (inbound) or units it put (outbound) so far
  delivered: col.i32(), // totes delivered so far
  emptySinceTick: col.i32(-1), // tick the line found the stand empty (inbound) or full (outbound), or -1
  presented: col.i32(-1), // inbound with a table: the item presented on it now, or -1
  onOrder: col.list(), // order ids of totes requested and not yet delivered, ascending
  orderedTick: col.list(), // the tick each of `onOrder` was ordered, same positions
} as const;

/** Line-side stand state (see {@link LINESIDE_COLUMNS}). */
export type LinesideTable = ThingTable<typeof LINESIDE_COLUMNS>;

/** The lineside kind's typed handle: its id, columns and table. */
export const linesideRows = defineKind('lineside', LINESIDE_COLUMNS);
