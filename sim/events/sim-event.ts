/** Collision kinds counted by the KPIs. */
export type CollisionKind = 'robotRobot' | 'robotStatic' | 'robotLoad' | 'loadStatic' | 'loadLoad';

/** Why a command was refused (the robot holds instead). */
export type RejectReason = string;

/**
 * Typed telemetry appended by the step stages. Every event carries the `tick` it happened in.
 * KPIs are pure reducers over these events (see `metrics/`).
 */
export type SimEvent =
  | { type: 'order.released'; tick: number; order: number; station: number; lines: number }
  | { type: 'task.created'; tick: number; task: number; order: number; load: number; station: number }
  | { type: 'task.assigned'; tick: number; task: number; robot: number }
  | { type: 'load.lifted'; tick: number; robot: number; load: number }
  | { type: 'load.dropped'; tick: number; robot: number; load: number; node: number }
  | { type: 'pick.started'; tick: number; station: number; robot: number; task: number }
  | { type: 'pick.completed'; tick: number; station: number; order: number; sku: number; task: number }
  | { type: 'order.delivered'; tick: number; order: number; station: number; cycleSec: number }
  | { type: 'task.completed'; tick: number; task: number; robot: number }
  | { type: 'contact.began'; tick: number; kind: CollisionKind; a: string; b: string; x: number; z: number }
  | { type: 'command.rejected'; tick: number; robot: number; reason: RejectReason }
  | { type: 'controller.failed'; tick: number; message: string }
  | { type: 'fault.injected'; tick: number; robot: number; kind: string; durationSec: number }
  | { type: 'fault.cleared'; tick: number; robot: number }
  /** A wait cycle: `physical` from safety fields (the sim's own detector), `controller` from a planner's report. */
  | { type: 'deadlock.detected'; tick: number; robots: number[]; waitedSec: number; source: 'physical' | 'controller' }
  /** A controller reports a robot that fell behind its reserved schedule. */
  | { type: 'route.lagging'; tick: number; robot: number; node: number; lagSec: number }
  | {
      type: 'fleet.sampled';
      tick: number;
      /** Cumulative since the episode start. */
      distanceM: number;
      busyRobotSec: number;
      robotSec: number;
      energyWh: number;
    };

/** The `type` strings of all events. */
export type SimEventType = SimEvent['type'];
