import type { RobotCommand } from './types.ts';

/**
 * Typed helpers that build {@link RobotCommand}s, so a controller writes `drive(robot, 0.5, 0)`
 * instead of an object literal. Each returns a plain command object; nothing is sent until the
 * controller returns it from `decide()`.
 */

/** Stop and stay (the robot brakes within its acceleration limit). */
export function hold(robot: number): RobotCommand {
  return { kind: 'hold', robot };
}

/** Velocity setpoints: forward speed in m/s and turn rate in rad/s (positive turns +x toward −z); the motion model applies its limits. */
export function drive(robot: number, linearMps: number, angularRps: number): RobotCommand {
  return { kind: 'drive', robot, linearMps, angularRps };
}

/**
 * Drive through adjacent roadmap nodes; `path[0]` is the robot's node, a neighbour of it, or the
 * waypoint it is driving to now. `notBeforeTick[k]` is the earliest tick it may set off for `path[k]`.
 */
export function follow(robot: number, path: readonly number[], notBeforeTick?: readonly number[]): RobotCommand {
  return notBeforeTick ? { kind: 'follow', robot, path, notBeforeTick } : { kind: 'follow', robot, path };
}

/** Drive to `node` along the static shortest path (blind to traffic). */
export function goto(robot: number, node: number): RobotCommand {
  return { kind: 'goto', robot, node };
}

/** Raise the lift under the load resting at the robot's node. */
export function lift(robot: number): RobotCommand {
  return { kind: 'lift', robot };
}

/** Set the carried load down at the robot's node. */
export function drop(robot: number): RobotCommand {
  return { kind: 'drop', robot };
}

/** Charge at the charger under the robot. */
export function dock(robot: number): RobotCommand {
  return { kind: 'dock', robot };
}

/** Put the robot at rest on `node`, facing (`headingX`, `headingZ`), at once (a localisation reset, not a drive). */
export function relocate(robot: number, node: number, headingX: number, headingZ: number): RobotCommand {
  return { kind: 'relocate', robot, node, headingX, headingZ };
}

/** Take on a task (task bookkeeping: the robot must then fetch, present and store its load). */
export function assign(robot: number, task: number): RobotCommand {
  return { kind: 'assign', robot, task };
}

/** Give the robot's task back. */
export function unassign(robot: number): RobotCommand {
  return { kind: 'unassign', robot };
}
