import type { LoadKind } from '../../schema/robot-model-spec.ts';
import type { LoadGeometry, LoadModel } from './load-columns.ts';
import type { KindCompileContext } from '../../kind/kind-def.ts';

/** Geometry of loads, metres and kilograms. Pods are Kiva-style shelves on four legs. */
export const LOAD_GEOMETRY: Readonly<Record<'pod' | 'tote', LoadGeometry>> = Object.freeze({
  pod: { widthM: 0.9, heightM: 1.9, clearanceM: 0.42, legM: 0.06, massKg: 120 },
  tote: { widthM: 0.6, heightM: 0.35, clearanceM: 0, legM: 0, massKg: 15 },
});

/** Height at which tote stands hold a tote (robots drive in under it). */
export const TOTE_STAND_HEIGHT_M = 0.4;

/**
 * Loads from the layout: a rack pod on every `R` cell, then a tote on every `T` stand, in reading
 * order. SKUs are spread over them from the `orders` section (the mapping depends on the spec only).
 */
export function compileLoads(ctx: KindCompileContext<undefined>) {
  const { roadmap } = ctx;
  const podCells = ctx.cellsOf('R');
  const toteCells = ctx.cellsOf('T');
  // What the fleet compiled before us handles (robots name the kind of load their model carries).
  const handled = new Set((ctx.compiled('robot') as ReadonlyArray<{ readonly model: { readonly handles: LoadKind } }>).map((r) => r.model.handles));
  const orders = ctx.spec.orders as { skuCount: number; skusPerLoad: number; ratePerHour: number; backlog?: number } | undefined;
  // Loads matter only to an order stream: errand-task scenarios with an idle one (sortation, LoRR imports) may store nothing.
  const ordersFlow = ctx.spec.errands === undefined || !orders || orders.ratePerHour > 0 || (orders.backlog ?? 0) > 0;
  if (ordersFlow && podCells.length + toteCells.length === 0 && ctx.spec.line === undefined)
    ctx.issue('layout.rows', 'the layout stores nothing: add rack pods (R) or tote racks (T)');
  if (ordersFlow && handled.has('pod') && podCells.length === 0) ctx.issue('fleet', 'pod-lifting robots but no rack pods (R) in the layout');
  if (ordersFlow && handled.has('tote') && toteCells.length === 0) ctx.issue('fleet', 'tote robots but no tote racks (T) in the layout');
  const node = (cell: number) => roadmap.cellNode[cell]!;
  const loads: LoadModel[] = [];
  for (const cell of podCells) loads.push({ id: loads.length, kind: 'pod', homeNode: node(cell), skus: [], massKg: LOAD_GEOMETRY.pod.massKg });
  for (const cell of toteCells) loads.push({ id: loads.length, kind: 'tote', homeNode: node(cell), skus: [], massKg: LOAD_GEOMETRY.tote.massKg });
  const skuLoads = orders ? assignSkus(loads, orders.skuCount, orders.skusPerLoad) : [];
  return {
    things: loads,
    model: {
      storageNodes: [...podCells, ...toteCells].map(node).sort((a, b) => a - b),
      loadBaseYM: Float64Array.from(loads, (l) => (l.kind === 'tote' ? TOTE_STAND_HEIGHT_M : 0)),
      skuLoads,
      loadGeometry: LOAD_GEOMETRY,
    },
  };
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
