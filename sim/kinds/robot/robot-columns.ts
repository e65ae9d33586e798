import { col, type ThingTable } from '../../state/columns.ts';
import type { RobotModelSpec } from '../../schema/robot-model-spec.ts';
import { defineKind } from '../../kind/define-kind.ts';

/**
 * The robot table, indexed by robot id (fleet order). Headings are unit vectors (never angles) so
 * no trigonometry enters state updates. Column order is the hash and snapshot order.
 */

export const ROBOT_COLUMNS = {
  posX: col.f64(), // metres
  posZ: col.f64(), // metres
  headX: col.f64(1), // unit heading, x component
  headZ: col.f64(), // unit heading, z component
  speedMps: col.f64(), // signed forward speed
  turnRps: col.f64(), // yaw rate, positive turns +x toward -z (counter-clockwise seen from above)
  mode: col.u8(0), // RobotMode
  cmdSpeedMps: col.f64(), // Drive-mode setpoint, m/s
  cmdTurnRps: col.f64(), // Drive-mode setpoint, rad/s
  carriedLoad: col.i32(-1), // load id or -1
  task: col.i32(-1), // task id or -1
  handlingTicksLeft: col.i32(), // ticks until a lift or drop completes
  faultUntilTick: col.i32(-1), // tick a scripted stall ends, or -1
  blockedTicks: col.i32(), // consecutive ticks the safety field held the robot below its commanded speed
  blockedBy: col.i32(-1), // robot whose body (or load) the safety field stopped for, or -1 (a wall, or not blocked)
  inDeadlock: col.u8(), // 1 while in a reported deadlock (so it is reported once)
  distanceM: col.f64(), // odometry
  busyTicks: col.i32(), // ticks with a task
  energyWh: col.f64(), // consumed
  batteryWh: col.f64(), // remaining
  route: col.list(), // Follow mode: remaining waypoints (node ids); empty when not following
  routeNotBefore: col.list(), // Follow mode: earliest tick each waypoint may be entered (timed routes), or empty
  routeCapMps: col.f64(), // Follow mode: the route's speed cap (VDA 5050's edge maxSpeed), m/s; 0 for none
} as const;

/** Robot state table (see {@link ROBOT_COLUMNS} for units). */
export type RobotTable = ThingTable<typeof ROBOT_COLUMNS>;

/** The robot kind's typed handle: its id, columns and table. */
export const robotRows = defineKind<typeof ROBOT_COLUMNS, RobotModel, RobotFields>('robot', ROBOT_COLUMNS);

/** What the robot kind's `compile` adds to the model. */
export interface RobotFields {
  /** Charger nodes (C cells), ascending. */
  readonly chargerNodes: readonly number[];
}

/** Robot modes of the onboard controller. Stable numbers: hashed and shipped in frames. */
export const RobotMode = {
  Hold: 0,
  Drive: 1,
  Follow: 2,
  Lifting: 3,
  Dropping: 4,
  Docked: 5,
} as const;
export type RobotMode = (typeof RobotMode)[keyof typeof RobotMode];

/** A robot as compiled: its model and where it spawns. */
export interface RobotModel {
  /** Index in fleet order; also the robot's id. */
  id: number;
  model: RobotModelSpec;
  spawnNode: number;
}
