import type { RngState } from '../rng/rng.ts';
import type { SimEvent } from '../events/sim-event.ts';
import type { PhysicsWorld } from '../physics/rapier.ts';
import type { ThingTable } from './columns.ts';


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

/** Task phases, in order. */
export type TaskPhase = 'open' | 'assigned' | 'carrying' | 'picking' | 'returning' | 'done';

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

/**
 * Everything that changes during an episode. Only this is snapshotted and hashed: every field
 * except those in `NOT_STATE` (see snapshot.ts) is serialised generically, so a new field cannot be
 * forgotten.
 */
export interface SimState {
  tick: number;
  seed: number;
  /** One state table per kind of thing, by kind id (the kind registry declares the columns). */
  things: Record<string, ThingTable>;
  /** Orders not yet delivered, ascending id; delivered orders are dropped. */
  orders: OrderState[];
  nextOrderId: number;
  /** Tasks not yet done, ascending id; done tasks are dropped. */
  tasks: TaskState[];
  nextTaskId: number;
  /** Live state of the `orders` random stream. */
  rngOrders: RngState;
  /** The Rapier world (its snapshot is part of the state). */
  physics: PhysicsWorld;
  /** Events of the current advance; hosts drain them. Not part of the hash. */
  events: SimEvent[];
  /**
   * Ids of tasks added, changed or removed since the last cached observation (see `taskChanged`),
   * so `observe` need not re-read the whole backlog. A hint only: not part of the hash or snapshot.
   */
  changedTasks: number[];
}
