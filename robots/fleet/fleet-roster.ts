import type { FleetObservation, RobotObservation, TaskObservation } from '../../sim/index.ts';
import { findTask } from './task-lookup.ts';

/** A robot with a station task, and that task's view in this observation (undefined when it is gone). */
export interface TaskedRobot {
  readonly robot: RobotObservation;
  readonly task: TaskObservation | undefined;
}

/** The robots a control tick works with, sorted out in one pass over the fleet. */
export interface FleetRoster {
  /** Robots free for a new task (no task, no load, not handling, not faulted, not busy charging), ascending id. */
  readonly idle: RobotObservation[];
  /** Robots with a station task, ascending id, each with its task looked up once. */
  readonly tasked: TaskedRobot[];
}

/**
 * Sorts the fleet into idle robots and robots with a task, so that later steps visit only the
 * robots they concern (most of a large fleet is idle) and look each robot's task up only once.
 * `chargingBusy`: robots the charging flow keeps (never idle).
 */
export function fleetRoster(observation: FleetObservation, chargingBusy: ReadonlySet<number> | undefined): FleetRoster {
  const idle: RobotObservation[] = [];
  const tasked: TaskedRobot[] = [];
  for (const robot of observation.robots) {
    if (robot.task !== null) {
      tasked.push({ robot, task: findTask(observation, robot.task) });
      continue;
    }
    if (robot.carrying !== null || robot.mode === 'faulted' || robot.mode === 'lifting' || robot.mode === 'dropping') continue;
    if (chargingBusy?.has(robot.id)) continue;
    idle.push(robot);
  }
  return { idle, tasked };
}
