import type { KindDef } from '../kind-def.ts';
import { STATION_COLUMNS } from './station-columns.ts';

/** Goods-to-person pick stations and the order flow that feeds them. */
export const stationKind: KindDef = {
  id: 'station',
  columns: STATION_COLUMNS,
};
