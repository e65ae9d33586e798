import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** The charger table, indexed by charger id (layout reading order of the `C` cells). */
export const CHARGER_COLUMNS = {
  queue: col.list(), // robots that asked for this charger, in order (the head charges next)
  occupant: col.i32(-1), // robot docked and charging here, or -1
  deliveredWh: col.f64(), // energy delivered so far
  sessions: col.i32(), // charging sessions started
} as const;

export type ChargerTable = ThingTable<typeof CHARGER_COLUMNS>;

/** The charger kind's typed handle: its id, columns and table. */
export const chargerRows = defineKind<typeof CHARGER_COLUMNS, ChargerModel>('charger', CHARGER_COLUMNS);

/** A charger as compiled: its node, power and queue capacity. */
export interface ChargerModel {
  id: number;
  node: number;
  /** Charging power, or undefined for each robot model's own `chargeW`. */
  powerW: number | undefined;
  queueCapacity: number;
}
