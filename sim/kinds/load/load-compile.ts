import type { LoadModel } from './load-columns.ts';
import type { KindCompileContext } from '../../kind/kind-def.ts';

/**
 * Loads from the layout: for each load type of the registry, in registry order (pods on `R`, totes
 * on `T`, pallets on `Q` …), a load on every cell showing its character, in reading order. SKUs
 * are spread over them from the `orders` section (the mapping depends on the spec only).
 */
export function compileLoads(ctx: KindCompileContext<undefined>) {
  const { roadmap, loadTypes } = ctx;
  const cellsByType = loadTypes.map((type) => ctx.cellsOf(type.char));
  // What the fleet compiled before us handles (robots name the type of load their model carries).
  const handled = new Set((ctx.compiled('robot') as ReadonlyArray<{ readonly model: { readonly handles: string } }>).map((r) => r.model.handles));
  const orders = ctx.spec.orders as { skuCount: number; skusPerLoad: number; ratePerHour: number; backlog?: number } | undefined;
  // Loads matter only to an order stream: errand-task scenarios with an idle one (sortation, LoRR imports) may store nothing.
  const ordersFlow = ctx.spec.errands === undefined || !orders || orders.ratePerHour > 0 || (orders.backlog ?? 0) > 0;
  if (ordersFlow && cellsByType.every((cells) => cells.length === 0) && ctx.spec.line === undefined)
    ctx.issue('layout.rows', `the layout stores nothing: add ${orList(loadTypes.map((t) => t.cellName))}`);
  loadTypes.forEach((type, t) => {
    if (ordersFlow && handled.has(type.id) && cellsByType[t]!.length === 0)
      ctx.issue('fleet', `robots that carry ${type.id}s but the layout has no ${type.cellName.replace(/^an? /, '')}`);
  });
  const node = (cell: number) => roadmap.cellNode[cell]!;
  const loads: LoadModel[] = [];
  loadTypes.forEach((type, t) => {
    for (const cell of cellsByType[t]!) loads.push({ id: loads.length, kind: type.id, homeNode: node(cell), skus: [], massKg: type.geometry.massKg });
  });
  const skuLoads = orders ? assignSkus(loads, orders.skuCount, orders.skusPerLoad) : [];
  const typeById = Object.fromEntries(loadTypes.map((type) => [type.id, type]));
  return {
    things: loads,
    model: {
      storageNodes: cellsByType
        .flat()
        .map(node)
        .sort((a, b) => a - b),
      loadBaseYM: Float64Array.from(loads, (l) => typeById[l.kind]!.restYM),
      skuLoads,
      loadGeometry: Object.freeze(Object.fromEntries(loadTypes.map((type) => [type.id, type.geometry]))),
      loadTypes: Object.freeze(typeById),
    },
  };
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'storage cells') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Spreads SKUs over loads with a fixed stride, so each SKU sits in several loads and the
 * mapping depends only on the spec (not the seed).
 */
function assignSkus(loads: LoadModel[], skuCount: number, perLoad: number): number[][] {
  const skuLoads: number[][] = Array.from({ length: skuCount }, () => []);
  if (loads.length === 0) return skuLoads;
  const slots = loads.length * perLoad;
  for (let slot = 0; slot < slots; slot++) {
    const load = loads[slot % loads.length]!;
    const sku = (slot * 7919) % skuCount;
    if (!load.skus.includes(sku)) {
      (load.skus as number[]).push(sku);
      skuLoads[sku]!.push(load.id);
    }
  }
  for (let sku = 0; sku < skuCount; sku++) {
    if (skuLoads[sku]!.length === 0) {
      const load = loads[sku % loads.length]!;
      (load.skus as number[]).push(sku);
      skuLoads[sku]!.push(load.id);
    }
    skuLoads[sku]!.sort((a, b) => a - b);
  }
  return skuLoads;
}
