import { ordersSpecOf } from './orders-spec.ts';
import { orderRows } from '../order/index.ts';
import { stationRows } from './station-columns.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { TaskPhase } from '../../control/types.ts';
import type { TaskState } from '../order/index.ts';
import type { Batching } from './orders-spec.ts';

/**
 * For each (load, station), the lowest-id task that still accepts new order lines (see
 * {@link acceptsLines}): the task new lines for that load and station join. Keyed by
 * {@link joinKey}; phases do not change while orders are released, and tasks created meanwhile are
 * added.
 */
export type JoinableTaskIndex = Map<number, TaskState>;

/**
 * Whether a task in `phase` accepts new lines under the `orders.batching` rule: `until-lift` while
 * open or assigned; `until-picked` also while its load is carried, queued and picked. Never once
 * the picks are done (`returning`, `done`).
 */
function acceptsLines(phase: TaskPhase, batching: Batching): boolean {
  if (phase === 'open' || phase === 'assigned') return true;
  return batching === 'until-picked' && (phase === 'carrying' || phase === 'picking');
}

/** The index of the tasks that accept lines now, for the model's batching rule. */
export function indexJoinableTasks(model: SimModel, state: SimState): JoinableTaskIndex {
  const batching = ordersSpecOf(model).batching;
  const index: JoinableTaskIndex = new Map();
  for (const t of orderRows.data(state).tasks) {
    if (!acceptsLines(t.phase, batching)) continue;
    const key = joinKey(model, t.load, t.station);
    if (!index.has(key)) index.set(key, t);
  }
  return index;
}

/** The index key of (load, station): `load * stations + station`. */
export function joinKey(model: SimModel, load: number, station: number): number {
  return load * stationRows.things(model).length + station;
}
