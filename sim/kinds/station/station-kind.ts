import { ordersSpecOf } from './orders-spec.ts';
import { orderRows } from '../order/index.ts';
import { CellKind } from '../../model/layout-grid.ts';
import type { StationModel } from './station-columns.ts';
import type { StationObservation } from '../../control/types.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import { advanceOrders } from './advance-orders.ts';
import { ordersSpecSchema, type OrdersSpec } from './orders-spec.ts';
import { resolvePicks } from './resolve-picks.ts';
import { STATION_COLUMNS } from './station-columns.ts';
import { observeStations } from './station-views.ts';
import { createTaskViewCache, observeTasks, type TaskViewCache } from './task-views.ts';

/** The station kind's view cache: task views and station views handed out last time. */
interface StationViewCache {
  readonly tasks: TaskViewCache;
  stations: readonly StationObservation[];
}

/**
 * Goods-to-person pick stations (`P`) and the order flow that feeds them: spec section `orders`
 * (a seeded Poisson stream), tasks that bring loads to stations, and pickers working lines off.
 */
export const stationKind: KindDef<OrdersSpec, StationModel, typeof STATION_COLUMNS> = {
  id: 'station',
  spec: {
    key: 'orders',
    schema: ordersSpecSchema,
    required: false,
    description: 'The order stream picked at the stations (required unless the scenario has a production `line`).',
  },
  legend: { P: { cell: CellKind.Station, meaning: 'pick station: a robot parks here while a picker works' } },
  columns: STATION_COLUMNS,
  fleetView: {
    createCache: (): StationViewCache => ({ tasks: createTaskViewCache(), stations: [] }),
    write({ model, state }, cache: StationViewCache | null, out) {
      out.tasks = observeTasks(state, cache?.tasks ?? null);
      out.stations = observeStations(model, state, cache?.stations ?? []);
      if (cache) cache.stations = out.stations;
    },
  },
  compile(ctx) {
    const stations = ctx.cellsOf('P').map((cell, id) => ({ id, node: ctx.roadmap.cellNode[cell]! }));
    const line = ctx.spec.line !== undefined;
    // A scenario whose work is errand tasks (sortation, LoRR imports) with an idle order stream needs no stations.
    const errandsOnly = ctx.spec.errands !== undefined && ctx.section !== undefined && ctx.section.ratePerHour === 0 && ctx.section.backlog === 0;
    if (!ctx.section && !line) ctx.issue('orders', 'required (a scenario without a production line needs an order stream)');
    if (!ctx.section && stations.length > 0) ctx.issue('orders', 'required: the layout has pick stations (P)');
    if (stations.length === 0 && (ctx.section || !line) && !errandsOnly) ctx.issue('layout.rows', 'the layout has no pick station (P)');
    const lines = ctx.section?.linesPerOrder;
    if (lines && lines.min > lines.max) ctx.issue('orders.linesPerOrder.min', `min ${lines.min} exceeds max ${lines.max}`);
    return { things: stations };
  },
  stages: [
    { slot: 'release', run: ({ model, state }) => ordersSpecOf(model) !== undefined && advanceOrders(model, state) },
    { slot: 'process', run: ({ model, state }) => ordersSpecOf(model) !== undefined && resolvePicks(model, state) },
  ],
  progress: { unit: 'orders', deliveredBy: ['order.delivered'], waiting: (_model, state) => orderRows.data(state).orders.length },
};
