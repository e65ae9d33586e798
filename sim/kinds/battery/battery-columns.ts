import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** The battery table: one row per robot (same ids) when the scenario has a `batteries` section. */
export const BATTERY_COLUMNS = {
  capacityWh: col.f64(), // usable capacity
  stranded: col.u8(), // 1 once the robot ran flat away from a charger (for the rest of the run)
  downtimeTicks: col.i32(), // ticks queued at a charger or docked: charge-related downtime
  chargingAt: col.i32(-1), // charger the robot is docked and charging at, or -1
  sessionWh: col.f64(), // energy taken in the current charging session
} as const;

export type BatteryTable = ThingTable<typeof BATTERY_COLUMNS>;

/** The battery kind's typed handle: its id, columns and table. */
export const batteryRows = defineKind<typeof BATTERY_COLUMNS, BatteryThing, { readonly batteryModel: BatteryModel }>('battery', BATTERY_COLUMNS);

/** The compiled `batteries` section, with its defaults. */
export interface BatteryModel {
  loadWPerKgMps: number;
  lowSocPct: number;
  fullSocPct: number;
}

/** One battery row per robot. */
export interface BatteryThing {
  id: number;
  capacityWh: number;
  startWh: number;
}
