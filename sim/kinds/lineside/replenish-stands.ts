import type { SimState } from '../../state/sim-state.ts';
import { orderRows } from '../order/index.ts';
import { linesideRows } from './lineside-columns.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { releaseOrderAt } from '../station/index.ts';
import { findById } from '../../util/find-by-id.ts';
import type { LinesideTable } from './lineside-columns.ts';
import type { StandSpec } from './lineside-spec.ts';
import './lineside-events.ts';

/** The line-side table of a stage context. */
export const linesideTable = (ctx: Pick<StageContext, 'state'>): LinesideTable => linesideRows.table(ctx.state);

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
    while (onOrder.length < stand.maxOnOrder && needsTote(stand, t.stock[s]!, onOrder.length)) {
      const order = releaseOrderAt(ctx.model, ctx.state, stand.station, [stand.sku]);
      onOrder.push(order);
      t.orderedTick[s]!.push(ctx.state.tick);
      ctx.state.events.push({ type: 'lineside.ordered', tick: ctx.state.tick, stand: s, order, stock: t.stock[s]! });
    }
  }
}

/** Whether a stand wants one more tote, with `onOrder` already coming. */
function needsTote(stand: StandSpec, stock: number, onOrder: number): boolean {
  if (stand.direction === 'out') return stock - onOrder * stand.partsPerTote >= stand.partsPerTote;
  return stock + onOrder * stand.partsPerTote <= (stand.reorderPoint ?? stand.partsPerTote);
}

/**
 * Process-slot stage (after the stations'): a tote whose order was delivered (its line picked:
 * unloaded at an inbound stand, loaded at an outbound one) adds its parts to the stand's stock or
 * takes a tote's worth of finished units away.
 */
export function receiveTotes(ctx: StageContext): void {
  const t = linesideTable(ctx);
  const stands = ctx.model.things.lineside as readonly StandSpec[];
  const { tick } = ctx.state;
  for (let s = 0; s < t.count; s++) {
    const onOrder = t.onOrder[s]!;
    for (let k = 0; k < onOrder.length; k++) {
      const order = onOrder[k]!;
      if (findById(orderRows.data(ctx.state).orders, order)) continue; // still open: delivered orders leave the list
      onOrder.splice(k, 1);
      const [orderedTick] = t.orderedTick[s]!.splice(k--, 1);
      const stand = stands[s]!;
      t.stock[s] = stand.direction === 'out' ? Math.max(0, t.stock[s]! - stand.partsPerTote) : t.stock[s]! + stand.partsPerTote;
      t.delivered[s] = t.delivered[s]! + 1;
      const latenessSec = t.emptySinceTick[s]! >= 0 ? (tick - t.emptySinceTick[s]!) / ctx.model.hz : 0;
      t.emptySinceTick[s] = -1;
      ctx.state.events.push({
        type: 'lineside.delivered',
        tick,
        stand: s,
        order,
        leadSec: (tick - orderedTick!) / ctx.model.hz,
        latenessSec,
        stock: t.stock[s]!,
      });
    }
  }
}

/**
 * Takes one part from inbound stand `stand` for the line. Returns false (and notes when the stand
 * ran empty) when there is none: the line starves until a tote arrives.
 */
export function takePart(ctx: Pick<StageContext, 'state'>, stand: number): boolean {
  if (!standHasPart(ctx.state, stand)) return false;
  const t = linesideTable(ctx);
  t.stock[stand] = t.stock[stand]! - 1;
  t.taken[stand] = t.taken[stand]! + 1;
  return true;
}

/** Whether inbound stand `stand` has a part; if not, notes (once) that the line found it empty. */
export function standHasPart(state: SimState, stand: number): boolean {
  const t = linesideTable({ state });
  if (t.stock[stand]! > 0) return true;
  if (t.emptySinceTick[stand]! < 0) {
    t.emptySinceTick[stand] = state.tick;
    state.events.push({ type: 'lineside.empty', tick: state.tick, stand });
  }
  return false;
}

/**
 * Puts one finished unit on outbound stand `stand` (holding `capacity` units). Returns false (the
 * line is blocked) when the stand is full; the wait until a tote takes units away is reported as
 * lateness.
 */
export function putUnit(ctx: Pick<StageContext, 'state'>, stand: number, capacity: number): boolean {
  if (!standHasRoom(ctx.state, stand, capacity)) return false;
  const t = linesideTable(ctx);
  t.stock[stand] = t.stock[stand]! + 1;
  t.taken[stand] = t.taken[stand]! + 1;
  return true;
}

/** Whether outbound stand `stand` has room for a unit; if not, notes (once) that the line found it full. */
export function standHasRoom(state: SimState, stand: number, capacity: number): boolean {
  const t = linesideTable({ state });
  if (t.stock[stand]! < capacity) return true;
  if (t.emptySinceTick[stand]! < 0) {
    t.emptySinceTick[stand] = state.tick;
    state.events.push({ type: 'lineside.full', tick: state.tick, stand });
  }
  return false;
}

/** Units an outbound stand holds before the line blocks. */
export function standCapacity(stand: StandSpec): number {
  return stand.capacity ?? 2 * stand.partsPerTote;
}

/** Parts on stand `stand` now. */
export function standStock(ctx: Pick<StageContext, 'state'>, stand: number): number {
  return linesideTable(ctx).stock[stand]!;
}
