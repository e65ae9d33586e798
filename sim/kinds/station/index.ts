/** The station kind's public face: what code outside this folder may import. */
export { STATION_COLUMNS, type StationTable } from './station-columns.ts';
export { stationKind } from './station-kind.ts';
export type { ordersSpecSchema } from './orders-spec.ts';
export { releaseOrderAt } from './advance-orders.ts';
export { stationRows } from './station-columns.ts';
export type { StationModel } from './station-columns.ts';
