import type { RngState } from '../rng/rng.ts';
import type { SimEvent } from '../events/sim-event.ts';
import type { PhysicsWorld } from '../physics/rapier.ts';

/** Robot modes of the onboard controller. Stable numbers: hashed and shipped in frames. */
export const RobotMode = {
  Hold: 0,
  Drive: 1,
  Follow: 2,
  Lifting: 3,
  Dropping: 4,
  Docked: 5,
  Faulted: 6,
} as const;
export type RobotMode = (typeof RobotMode)[keyof typeof RobotMode];

/**
 * Robot table, structure of arrays indexed by robot id. Headings are unit vectors (never
 * angles) so no trigonometry enters state updates.
 */
export interface RobotTable {
  count: number;
  posX: Float64Array; // (n) metres
  posZ: Float64Array; // (n) metres
  headX: Float64Array; // (n) unit heading, x component
  headZ: Float64Array; // (n) unit heading, z component
  speedMps: Float64Array; // (n) signed forward speed
  turnRps: Float64Array; // (n) yaw rate, positive turns +x toward -z (counter-clockwise seen from above)
  mode: Uint8Array; // (n) RobotMode
  /** Setpoints for Drive mode. */
  cmdSpeedMps: Float64Array; // (n)
  cmdTurnRps: Float64Array; // (n)
  carriedLoad: Int32Array; // (n) load id or -1
  task: Int32Array; // (n) task id or -1
  handlingTicksLeft: Int32Array; // (n) ticks until a lift or drop completes
  faultUntilTick: Int32Array; // (n) tick a stall ends, or -1
  /** Ticks the safety field held the robot below its commanded speed, consecutive. */
  blockedTicks: Int32Array; // (n)
  /** Robot whose body (or load) the safety field stopped for, or -1 (a wall, or not blocked). */
  blockedBy: Int32Array; // (n)
  /** Whether the robot is in a reported deadlock (so it is reported once). */
  inDeadlock: Uint8Array; // (n)
  distanceM: Float64Array; // (n) odometry
  busyTicks: Int32Array; // (n) ticks with a task
  energyWh: Float64Array; // (n) consumed
  batteryWh: Float64Array; // (n) remaining
  /** Follow mode: the remaining waypoints (node ids) per robot; empty when not following. */
  route: number[][];
  /** Follow mode: earliest tick at which each waypoint may be entered (timed routes), or empty. */
  routeNotBefore: number[][];
}

/** Load table, indexed by load id. */
export interface LoadTable {
  count: number;
  /** Node the load rests on, or -1 while carried. */
  node: Int32Array; // (n)
  carriedBy: Int32Array; // (n) robot id or -1
  /** Active task using this load, or -1. */
  task: Int32Array; // (n)
  /** Ticks a set-down load stays dynamic before it is fixed in place; 0 when fixed. */
  settleTicksLeft: Int32Array; // (n)
}

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

export interface StationState {
  /** Task being picked, or -1. */
  pickingTask: number;
  pickTicksLeft: number;
  /** Open orders assigned to this station (for balancing). */
  openOrders: number;
}

/**
 * Everything that changes during an episode. Only this is snapshotted and hashed.
 */
export interface SimState {
  tick: number;
  seed: number;
  robots: RobotTable;
  loads: LoadTable;
  /** Orders not yet delivered, ascending id; delivered orders are dropped. */
  orders: OrderState[];
  nextOrderId: number;
  /** Tasks not yet done, ascending id; done tasks are dropped. */
  tasks: TaskState[];
  nextTaskId: number;
  stations: StationState[];
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
