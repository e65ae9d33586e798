import type { SimModel } from '../../model/sim-model.ts';
import { createRng } from '../../rng/rng.ts';
import type { OrderLine, SimState, TaskState } from '../../state/sim-state.ts';
import { taskChanged } from './task-lifecycle.ts';

/**
 * Release-slot stage: the order stream. Once per simulated second a Poisson number of orders arrives (plus
 * the backlog at tick 0). Each order goes to the station with the fewest open orders; each line
 * gets a SKU (ABC-skewed) and a load holding it. Lines needing the same load at the same station
 * share one task; a load busy with another task queues the new task behind it.
 */
export function advanceOrders(model: SimModel, state: SimState): void {
  const spec = model.spec.orders;
  let arrivals = 0;
  if (state.tick === 0) arrivals += spec.backlog;
  if (state.tick % model.hz === 0) {
    const rng = createRng(state.rngOrders);
    arrivals += rng.poisson(spec.ratePerHour / 3600);
  }
  if (arrivals === 0) return;
  const openTasks = indexOpenTasks(model, state);
  for (let k = 0; k < arrivals; k++) releaseOrder(model, state, openTasks);
}

/**
 * For each (load, station), the lowest-id task still open or assigned: the task new lines for
 * that load and station join. Keyed `load * stations + station`; phases do not change while
 * orders are released, and tasks created meanwhile are added.
 */
type OpenTaskIndex = Map<number, TaskState>;

function indexOpenTasks(model: SimModel, state: SimState): OpenTaskIndex {
  const index: OpenTaskIndex = new Map();
  for (const t of state.tasks) {
    if (t.phase !== 'open' && t.phase !== 'assigned') continue;
    const key = openTaskKey(model, t.load, t.station);
    if (!index.has(key)) index.set(key, t);
  }
  return index;
}

function openTaskKey(model: SimModel, load: number, station: number): number {
  return load * model.stations.length + station;
}

function releaseOrder(model: SimModel, state: SimState, openTasks: OpenTaskIndex): void {
  const spec = model.spec.orders;
  const rng = createRng(state.rngOrders);
  const open = state.stations.openOrders;
  const serveLine = (model as { linesideStations?: readonly number[] }).linesideStations;
  let station = -1;
  open.forEach((n, i) => {
    if (serveLine !== undefined && serveLine.includes(i)) return; // stands order their own totes
    if (station < 0 || n < open[station]!) station = i;
  });
  const lineCount = rng.range(spec.linesPerOrder.min, spec.linesPerOrder.max);
  const fastSkus = Math.max(1, Math.round(spec.skuCount * spec.skew.fastSkuShare));
  const order = { id: state.nextOrderId++, releasedTick: state.tick, station, lines: [] as OrderLine[], deliveredTick: -1 };
  for (let l = 0; l < lineCount; l++) {
    const fast = rng.next() < spec.skew.fastDemandShare || fastSkus >= spec.skuCount;
    const sku = fast ? rng.int(fastSkus) : fastSkus + rng.int(spec.skuCount - fastSkus);
    const load = chooseLoad(model, state, openTasks, sku, station);
    order.lines.push({ sku, load, picked: false });
    addLineToTask(model, state, openTasks, order.id, l, load, station);
  }
  state.orders.push(order);
  open[station] = open[station]! + 1;
  state.events.push({ type: 'order.released', tick: state.tick, order: order.id, station, lines: lineCount });
}

/**
 * Releases one order of `lines` SKUs at `station` now, outside the Poisson stream (a line-side
 * stand asking for parts, a scripted rush order). It joins the order flow like any other: tasks
 * bring the loads holding those SKUs, and the order is delivered when its lines are picked.
 * Draws nothing from the orders stream. Returns the order id.
 */
export function releaseOrderAt(model: SimModel, state: SimState, station: number, skus: readonly number[]): number {
  const openTasks = indexOpenTasks(model, state);
  const order = { id: state.nextOrderId++, releasedTick: state.tick, station, lines: [] as OrderLine[], deliveredTick: -1 };
  skus.forEach((sku, l) => {
    const load = chooseLoad(model, state, openTasks, sku, station);
    order.lines.push({ sku, load, picked: false });
    addLineToTask(model, state, openTasks, order.id, l, load, station);
  });
  state.orders.push(order);
  state.stations.openOrders[station] = state.stations.openOrders[station]! + 1;
  state.events.push({ type: 'order.released', tick: state.tick, order: order.id, station, lines: skus.length });
  return order.id;
}

/** Prefer a load already headed for this station, then an idle one nearest the station, then any. */
function chooseLoad(model: SimModel, state: SimState, openTasks: OpenTaskIndex, sku: number, station: number): number {
  const candidates = model.skuLoads[sku]!;
  for (const load of candidates) {
    if (openTasks.has(openTaskKey(model, load, station))) return load;
  }
  const sNode = model.stations[station]!.node;
  const sx = model.roadmap.nodeX[sNode]!;
  const sz = model.roadmap.nodeZ[sNode]!;
  let best = -1;
  let bestDist = Infinity;
  for (const load of candidates) {
    if (state.loads.task[load]! >= 0) continue;
    const node = state.loads.node[load]!;
    if (node < 0) continue;
    const d = Math.abs(model.roadmap.nodeX[node]! - sx) + Math.abs(model.roadmap.nodeZ[node]! - sz);
    if (d < bestDist) {
      bestDist = d;
      best = load;
    }
  }
  return best >= 0 ? best : candidates[0]!;
}

function addLineToTask(model: SimModel, state: SimState, openTasks: OpenTaskIndex, order: number, line: number, load: number, station: number): void {
  const open = openTasks.get(openTaskKey(model, load, station));
  if (open) {
    open.lines.push([order, line]);
    taskChanged(state, open.id);
    return;
  }
  const task: TaskState = { id: state.nextTaskId++, load, station, lines: [[order, line]], phase: 'open', robot: -1, createdTick: state.tick };
  state.tasks.push(task);
  taskChanged(state, task.id);
  openTasks.set(openTaskKey(model, load, station), task);
  if (state.loads.task[load]! < 0) state.loads.task[load] = task.id;
  state.events.push({ type: 'task.created', tick: state.tick, task: task.id, order, load, station });
}
