import type { StageContext } from '../stage-slots.ts';
import { releaseOrderAt } from '../station/advance-orders.ts';
import { findById } from '../../util/find-by-id.ts';
import type { LinesideTable } from './lineside-columns.ts';
import type { StandSpec } from './lineside-spec.ts';
import './lineside-events.ts';

/** The line-side table of a stage context. */
export const linesideTable = (ctx: Pick<StageContext, 'state'>): LinesideTable => ctx.state.things.lineside as unknown as LinesideTable;

/**
 * Release-slot stage: the kanban rule. A stand whose stock plus parts on order is at or below its
 * reorder point orders one more tote (up to `maxOnOrder`), as an order of one line at its station.
 */
export function orderTotes(ctx: StageContext): void {
  const t = linesideTable(ctx);
  const stands = ctx.model.things.lineside as readonly StandSpec[];
  for (let s = 0; s < t.count; s++) {
    const stand = stands[s]!;
    const onOrder = t.onOrder[s]!;
    while (onOrder.length < stand.maxOnOrder && t.stock[s]! + onOrder.length * stand.partsPerTote <= stand.reorderPoint) {
      const order = releaseOrderAt(ctx.model, ctx.state, stand.station, [stand.sku]);
      onOrder.push(order);
      t.orderedTick[s]!.push(ctx.state.tick);
      ctx.state.events.push({ type: 'lineside.ordered', tick: ctx.state.tick, stand: s, order, stock: t.stock[s]! });
    }
  }
}

/**
 * Process-slot stage (after the stations'): a tote whose order was delivered (its line picked,
 * i.e. unloaded at the stand) adds its parts to the stand's stock.
 */
export function receiveTotes(ctx: StageContext): void {
  const t = linesideTable(ctx);
  const stands = ctx.model.things.lineside as readonly StandSpec[];
  const { tick } = ctx.state;
  for (let s = 0; s < t.count; s++) {
    const onOrder = t.onOrder[s]!;
    for (let k = 0; k < onOrder.length; k++) {
      const order = onOrder[k]!;
      if (findById(ctx.state.orders, order)) continue; // still open: delivered orders leave the list
      onOrder.splice(k, 1);
      const [orderedTick] = t.orderedTick[s]!.splice(k--, 1);
      t.stock[s] = t.stock[s]! + stands[s]!.partsPerTote;
      t.delivered[s] = t.delivered[s]! + 1;
      const latenessSec = t.emptySinceTick[s]! >= 0 ? (tick - t.emptySinceTick[s]!) / ctx.model.hz : 0;
      t.emptySinceTick[s] = -1;
      ctx.state.events.push({ type: 'lineside.delivered', tick, stand: s, order, leadSec: (tick - orderedTick!) / ctx.model.hz, latenessSec, stock: t.stock[s]! });
    }
  }
}

/**
 * Takes one part from stand `stand` for the line. Returns false (and notes when the stand ran
 * empty) when there is none: the line starves until a tote arrives.
 */
export function takePart(ctx: StageContext, stand: number): boolean {
  const t = linesideTable(ctx);
  if (t.stock[stand]! > 0) {
    t.stock[stand] = t.stock[stand]! - 1;
    t.taken[stand] = t.taken[stand]! + 1;
    return true;
  }
  if (t.emptySinceTick[stand]! < 0) {
    t.emptySinceTick[stand] = ctx.state.tick;
    ctx.state.events.push({ type: 'lineside.empty', tick: ctx.state.tick, stand });
  }
  return false;
}

/** Parts on stand `stand` now. */
export function standStock(ctx: Pick<StageContext, 'state'>, stand: number): number {
  return linesideTable(ctx).stock[stand]!;
}
