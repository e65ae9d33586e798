/** Collision kinds counted by the KPIs; a kind without its own contact rules reports `robot/conveyor`-style names. */
export type CollisionKind = 'robotRobot' | 'robotStatic' | 'robotLoad' | 'loadStatic' | 'loadLoad' | `${string}/${string}`;

/** Why a command was refused (the robot holds instead). */
export type RejectReason = string;

/**
 * The payload of every event type, by its dotted name. A new kind adds its own events by
 * augmenting this interface from its module:
 * `declare module '…/sim/events/sim-event.ts' { interface SimEventMap { 'beacon.blinked': { beacon: number } } }`.
 */
export interface SimEventMap {
  'order.released': { order: number; station: number; lines: number };
  'task.created': { task: number; order: number; load: number; station: number };
  'task.assigned': { task: number; robot: number };
  'load.lifted': { robot: number; load: number };
  'load.dropped': { robot: number; load: number; node: number };
  'pick.started': { station: number; robot: number; task: number };
  'pick.completed': { station: number; order: number; sku: number; task: number };
  'order.delivered': { order: number; station: number; cycleSec: number };
  'task.completed': { task: number; robot: number };
  'contact.began': { kind: CollisionKind; a: string; b: string; x: number; z: number };
  'command.rejected': { robot: number; reason: RejectReason };
  'controller.failed': { message: string };
  /** A scripted event of the spec's timeline fired (`index` into `spec.events`), handled by kind `owner`. */
  'scripted.fired': { index: number; kind: string; owner: string };
  'fault.injected': { robot: number; kind: string; durationSec: number };
  'fault.cleared': { robot: number };
  /** A wait cycle: `physical` from safety fields (the sim's own detector), `controller` from a planner's report. */
  'deadlock.detected': { robots: number[]; waitedSec: number; source: 'physical' | 'controller' };
  /** A controller reports a robot that fell behind its reserved schedule. */
  'route.lagging': { robot: number; node: number; lagSec: number };
  'fleet.sampled': {
    /** Cumulative since the episode start. */
    distanceM: number;
    busyRobotSec: number;
    robotSec: number;
    energyWh: number;
  };
}

/** The `type` strings of all events. */
export type SimEventType = keyof SimEventMap;

/**
 * Typed telemetry appended by the step stages. Every event carries the `tick` it happened in.
 * KPIs are pure reducers over these events (see `metrics/`).
 */
export type SimEvent = { [K in SimEventType]: { type: K; tick: number } & SimEventMap[K] }[SimEventType];
