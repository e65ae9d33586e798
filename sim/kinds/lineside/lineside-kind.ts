import type { KindDef } from '../../kind/kind-def.ts';
import { linesideRows } from './lineside-columns.ts';
import { LINESIDE_COLUMNS } from './lineside-columns.ts';
import { linesideKpis } from './lineside-kpis.ts';
import { linesideSpecSchema, type LinesideSpec, type StandSpec } from './lineside-spec.ts';
import { buildStandTables, serveTables } from './lineside-tables.ts';
import { orderTotes, receiveTotes, standCapacity } from './replenish-stands.ts';

/** Item type ids of the spec's `items` section. */
const itemTypeIds = (spec: Readonly<Record<string, unknown>>): string[] =>
  ((spec.items as { types?: { id: string }[] } | undefined)?.types ?? []).map((t) => t.id);

/**
 * Line-side logistics: stands at pick stations that keep a production line in parts. Totes are
 * ordered by a kanban rule into the warehouse order flow, so the fleet's assigner and planner
 * fetch them like any other order (sharing the floor); a stand that runs empty starves the line
 * until an AMR arrives, and the delay is reported as delivery lateness.
 */
export const linesideKind: KindDef<LinesideSpec, StandSpec, typeof LINESIDE_COLUMNS> = {
  id: 'lineside',
  spec: { key: 'lineside', schema: linesideSpecSchema, required: false, description: 'Line-side stands: parts kept in stock by AMR tote deliveries (kanban).' },
  columns: LINESIDE_COLUMNS,
  compile(ctx) {
    const stands = ctx.section?.stands ?? [];
    const stations = ctx.compiled('station').length;
    const skuCount = (ctx.spec.orders as { skuCount?: number } | undefined)?.skuCount ?? 0;
    const seen = new Map<string, number>();
    const stationOwner = new Map<number, number>();
    stands.forEach((stand, i) => {
      const at = `lineside.stands[${i}]`;
      if (seen.has(stand.id)) ctx.issue(`${at}.id`, `"${stand.id}" is already the id of stands[${seen.get(stand.id)}]`);
      seen.set(stand.id, i);
      if (stand.station >= stations)
        ctx.issue(`${at}.station`, `station ${stand.station} does not exist: the layout has ${stations} pick station(s) (P), numbered in reading order from 0`);
      else if (stationOwner.has(stand.station))
        ctx.issue(`${at}.station`, `station ${stand.station} already serves stands[${stationOwner.get(stand.station)}]`);
      else stationOwner.set(stand.station, i);
      if (stand.direction === 'out' && stand.reorderPoint !== undefined)
        ctx.issue(`${at}.reorderPoint`, "an outbound stand orders a tote once a tote's worth of units waits: reorderPoint applies to inbound stands only");
      if (stand.direction === 'in' && stand.capacity !== undefined)
        ctx.issue(`${at}.capacity`, 'capacity applies to outbound stands only (an inbound stand holds what is delivered)');
      if (stand.direction === 'out' && stand.initialStock > standCapacity(stand))
        ctx.issue(`${at}.initialStock`, `${stand.initialStock} units exceed the stand's capacity of ${standCapacity(stand)}`);
      if (stand.table && stand.direction === 'in' && stand.table.itemType === undefined)
        ctx.issue(`${at}.table.itemType`, 'an inbound stand with a table presents its parts as items: name their item type (items.types[].id)');
      if (stand.table?.itemType !== undefined && !itemTypeIds(ctx.spec).includes(stand.table.itemType))
        ctx.issue(`${at}.table.itemType`, `no item type "${stand.table.itemType}" in items.types (${itemTypeIds(ctx.spec).join(', ') || 'none'})`);
      if (stand.sku >= skuCount) ctx.issue(`${at}.sku`, `SKU ${stand.sku} does not exist: orders.skuCount is ${skuCount}`);
    });
    const ratePerHour = (ctx.spec.orders as { ratePerHour?: number } | undefined)?.ratePerHour ?? 0;
    if (stands.length > 0 && ratePerHour > 0 && stationOwner.size >= stations)
      ctx.issue(
        'orders.ratePerHour',
        `every pick station serves a line-side stand, so customer orders (${ratePerHour}/h) have nowhere to go: set it to 0 or add a station`,
      );
    return { things: stands, model: { linesideStations: [...stationOwner.keys()].sort((a, b) => a - b) } };
  },
  init(table, model) {
    const t = table;
    (model.things.lineside as readonly StandSpec[]).forEach((stand, s) => {
      t.stock[s] = stand.initialStock;
    });
  },
  build: buildStandTables,
  stages: [
    { slot: 'release', run: orderTotes },
    { slot: 'process', run: receiveTotes },
    { slot: 'process', run: serveTables },
  ],
  frame: {
    fields: ['stock', 'onOrder'],
    write(_model, state, out) {
      const t = linesideRows.table(state);
      for (let s = 0; s < t.count; s++) {
        out[s * 2] = t.stock[s]!;
        out[s * 2 + 1] = t.onOrder[s]!.length;
      }
    },
  },
  observe(_model, state) {
    const t = linesideRows.table(state);
    return Object.freeze(Array.from({ length: t.count }, (_, s) => Object.freeze({ stand: s, stock: t.stock[s]!, onOrder: t.onOrder[s]!.length })));
  },
  kpis: linesideKpis,
};
