/** The battery kind's public face: what code outside this folder may import. */
export { batteryKind } from './battery-kind.ts';
export { batteryKpis } from './battery-kpis.ts';
export type { BatteryTable } from './battery-columns.ts';
export { batteryRows } from './battery-columns.ts';
