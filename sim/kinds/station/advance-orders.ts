import { ordersSpecOf } from './orders-spec.ts';
import { orderRows } from '../order/index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { stationRows } from './station-columns.ts';
import { loadRows } from '../load/index.ts';
import { createRng } from '../../rng/rng.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { OrderLine, TaskState } from '../order/index.ts';
import { chooseStation } from './choose-station.ts';
import { indexJoinableTasks, joinKey, type JoinableTaskIndex } from './joinable-tasks.ts';
import { pickTicksPerLine } from './pick-ticks.ts';
import { taskChanged } from '../order/index.ts';

/**
 * Release-slot stage: the order stream. Once per simulated second a Poisson number of orders arrives (plus
 * the backlog at tick 0). Each order goes to a station by the `orders.stationChoice` rule (by
 * default the one with the fewest open orders); each line gets a SKU (ABC-skewed) and a load
 * holding it. Lines needing the same load at the same station share one task while it accepts
 * lines (`orders.batching`); a load busy with another task queues the new task behind it.
 */
export function advanceOrders(model: SimModel, state: SimState): void {
  const spec = ordersSpecOf(model);
  let arrivals = 0;
  if (state.tick === 0) arrivals += spec.backlog;
  if (state.tick % model.hz === 0) {
    const rng = createRng(orderRows.data(state).rngOrders);
    arrivals += rng.poisson(spec.ratePerHour / 3600);
  }
  if (arrivals === 0) return;
  const joinable = indexJoinableTasks(model, state);
  for (let k = 0; k < arrivals; k++) releaseOrder(model, state, joinable);
}

/** Draws one order's SKUs (its line count, then per line ABC class and SKU) from the orders stream. */
function drawSkus(model: SimModel, state: SimState): number[] {
  const spec = ordersSpecOf(model);
  const rng = createRng(orderRows.data(state).rngOrders);
  const lineCount = rng.range(spec.linesPerOrder.min, spec.linesPerOrder.max);
  const fastSkus = Math.max(1, Math.round(spec.skuCount * spec.skew.fastSkuShare));
  const skus: number[] = [];
  for (let l = 0; l < lineCount; l++) {
    const fast = rng.next() < spec.skew.fastDemandShare || fastSkus >= spec.skuCount;
    skus.push(fast ? rng.int(fastSkus) : fastSkus + rng.int(spec.skuCount - fastSkus));
  }
  return skus;
}

function releaseOrder(model: SimModel, state: SimState, joinable: JoinableTaskIndex): void {
  const skus = drawSkus(model, state);
  placeOrder(model, state, joinable, chooseStation(model, state, joinable, skus), skus);
}

/**
 * Releases one order of `lines` SKUs at `station` now, outside the Poisson stream (a line-side
 * stand asking for parts, a scripted rush order). It joins the order flow like any other: tasks
 * bring the loads holding those SKUs, and the order is delivered when its lines are picked.
 * Draws nothing from the orders stream. Returns the order id.
 */
export function releaseOrderAt(model: SimModel, state: SimState, station: number, skus: readonly number[]): number {
  return placeOrder(model, state, indexJoinableTasks(model, state), station, skus);
}

/** Opens an order of `skus` at `station`: a load and a task for each line. Returns the order id. */
function placeOrder(model: SimModel, state: SimState, joinable: JoinableTaskIndex, station: number, skus: readonly number[]): number {
  const order = { id: orderRows.data(state).nextOrderId++, releasedTick: state.tick, station, lines: [] as OrderLine[], deliveredTick: -1 };
  skus.forEach((sku, l) => {
    const load = chooseLoad(model, state, joinable, sku, station);
    order.lines.push({ sku, load, picked: false });
    addLineToTask(model, state, joinable, order.id, l, load, station);
  });
  orderRows.data(state).orders.push(order);
  stationRows.table(state).openOrders[station] = stationRows.table(state).openOrders[station]! + 1;
  state.events.push({ type: 'order.released', tick: state.tick, order: order.id, station, lines: skus.length });
  return order.id;
}

/** Prefer a load already headed for this station, then an idle one nearest the station, then any. */
function chooseLoad(model: SimModel, state: SimState, joinable: JoinableTaskIndex, sku: number, station: number): number {
  const candidates = loadRows.fields(model).skuLoads[sku]!;
  for (const load of candidates) {
    if (joinable.has(joinKey(model, load, station))) return load;
  }
  const sNode = stationRows.things(model)[station]!.node;
  const sx = model.roadmap.nodeX[sNode]!;
  const sz = model.roadmap.nodeZ[sNode]!;
  let best = -1;
  let bestDist = Infinity;
  for (const load of candidates) {
    if (loadRows.table(state).task[load]! >= 0) continue;
    const node = loadRows.table(state).node[load]!;
    if (node < 0) continue;
    const d = Math.abs(model.roadmap.nodeX[node]! - sx) + Math.abs(model.roadmap.nodeZ[node]! - sz);
    if (d < bestDist) {
      bestDist = d;
      best = load;
    }
  }
  return best >= 0 ? best : candidates[0]!;
}

/**
 * Adds line `line` of `order` to the task that accepts lines for (load, station), or opens a new
 * task. A line joining a task being picked extends the picker's work by one line, so it is picked
 * (and its order can be delivered) when that pick completes.
 */
function addLineToTask(model: SimModel, state: SimState, joinable: JoinableTaskIndex, order: number, line: number, load: number, station: number): void {
  const key = joinKey(model, load, station);
  const joined = joinable.get(key);
  if (joined) {
    joined.lines.push([order, line]);
    const st = stationRows.table(state);
    if (joined.phase === 'picking' && st.pickingTask[station] === joined.id) st.pickTicksLeft[station] = st.pickTicksLeft[station]! + pickTicksPerLine(model);
    taskChanged(state, joined.id);
    return;
  }
  const task: TaskState = { id: orderRows.data(state).nextTaskId++, load, station, lines: [[order, line]], phase: 'open', robot: -1, createdTick: state.tick };
  orderRows.data(state).tasks.push(task);
  taskChanged(state, task.id);
  joinable.set(key, task);
  if (loadRows.table(state).task[load]! < 0) loadRows.table(state).task[load] = task.id;
  state.events.push({ type: 'task.created', tick: state.tick, task: task.id, order, load, station });
}
