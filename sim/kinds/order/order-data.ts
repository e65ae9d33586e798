import type { TaskPhase } from '../../control/types.ts';
import { defineKind } from '../../kind/define-kind.ts';
import type { RngState } from '../../rng/rng.ts';

/** One order line: a SKU to pick, the load chosen to present it. */
export interface OrderLine {
  sku: number;
  load: number;
  picked: boolean;
}

export interface OrderState {
  id: number;
  releasedTick: number;
  station: number;
  lines: OrderLine[];
  deliveredTick: number; // -1 until every line is picked
}

/** Present one load at one station for one or more order lines, then store it again. */
export interface TaskState {
  id: number;
  load: number;
  station: number;
  /** (order id, line index) pairs served by this task. */
  lines: Array<[number, number]>;
  phase: TaskPhase;
  robot: number; // -1 while open
  createdTick: number;
}

/** The warehouse's work in the state: orders, the tasks that serve them, and the orders' random stream. */
export interface OrderData {
  /** Orders not yet delivered, ascending id; delivered orders are dropped. */
  orders: OrderState[];
  nextOrderId: number;
  /** Tasks not yet done, ascending id; done tasks are dropped. */
  tasks: TaskState[];
  nextTaskId: number;
  /** Live state of the `orders` random stream. */
  rngOrders: RngState;
}

/** The order kind's typed handle: no table of its own, its data (`orderRows.data(state).orders` …). */
export const orderRows = defineKind<Record<never, never>, never, Record<never, never>, OrderData>('order', {});
