import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** The pick-station table, indexed by station id (layout reading order of `P` cells). */
export const STATION_COLUMNS = {
  pickingTask: col.i32(-1), // task being picked, or -1
  pickTicksLeft: col.i32(), // ticks until the picker finishes the task's lines
  openOrders: col.i32(), // open orders assigned to the station (for balancing)
} as const;

/** Pick-station state table (see {@link STATION_COLUMNS}). */
export type StationTable = ThingTable<typeof STATION_COLUMNS>;

/** The station kind's typed handle: its id, columns and table. */
export const stationRows = defineKind<typeof STATION_COLUMNS, StationModel>('station', STATION_COLUMNS);

/** A station where a (simulated) person picks order lines from a presented load. */
export interface StationModel {
  id: number;
  node: number;
}
