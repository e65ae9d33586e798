import type { Roadmap } from '../model/roadmap.ts';
import type { LoadKind } from '../model/sim-model.ts';
import type { TaskPhase } from '../state/sim-state.ts';

/** Robot mode names as controllers see them. */
export type RobotModeName = 'hold' | 'drive' | 'follow' | 'lifting' | 'dropping' | 'docked' | 'faulted';

/** What a controller may know about one robot. Units in names; headings are unit vectors. */
export interface RobotObservation {
  readonly id: number;
  /** What it can carry. */
  readonly handles: LoadKind;
  readonly x: number;
  readonly z: number;
  readonly headingX: number;
  readonly headingZ: number;
  readonly speedMps: number;
  /** Roadmap node under the robot's centre (-1 off the map). */
  readonly node: number;
  /** Whether the robot stands still within 5 cm of its node's centre. */
  readonly atNode: boolean;
  readonly mode: RobotModeName;
  /** Waypoints (node ids) still ahead in follow mode. */
  readonly route: readonly number[];
  readonly carrying: number | null;
  readonly task: number | null;
  readonly batteryWh: number;
  /** Seconds the safety field has kept it from moving as commanded. */
  readonly blockedSec: number;
  readonly maxSpeedMps: number;
  readonly maxTurnRps: number;
  maxAccelMps2: number;
  /**
   * Range scan (only when the controller asks for one, see `FleetController.scan`): distances in
   * metres, beam 0 straight ahead, then counter-clockwise seen from above, evenly spaced over 360°.
   */
  readonly scanM?: Float32Array;
}

/** A task as controllers see it: present `load` at `station`, then store the load again. */
export interface TaskObservation {
  readonly id: number;
  readonly load: number;
  readonly station: number;
  readonly phase: TaskPhase;
  readonly robot: number | null;
  /** Order lines it serves. */
  readonly lineCount: number;
  readonly createdTick: number;
  /** Whether it can be assigned now (its load is not busy with another task). */
  readonly ready: boolean;
}

export interface LoadObservation {
  readonly id: number;
  readonly kind: LoadKind;
  /** Node it rests on, or null while carried. */
  readonly node: number | null;
  readonly carriedBy: number | null;
  /** What holds the load (a robot, a conveyor, a gripper …), or null while it rests on a node. */
  readonly holder: { readonly kind: string; readonly id: number } | null;
  readonly homeNode: number;
}

export interface StationObservation {
  readonly id: number;
  readonly node: number;
  /** Task being picked now, or null. */
  readonly picking: number | null;
}

/** Everything a fleet controller sees at a control tick. Never the `SimState` itself. */
export interface FleetObservation {
  readonly tick: number;
  readonly timeSec: number;
  readonly dtSec: number;
  /** Control period in ticks. */
  readonly controlEvery: number;
  readonly robots: readonly RobotObservation[];
  /** Tasks not yet done, ascending id. */
  readonly tasks: readonly TaskObservation[];
  readonly loads: readonly LoadObservation[];
  readonly stations: readonly StationObservation[];
  readonly roadmap: Roadmap;
  /** Layout size, for node lookups by position. */
  readonly grid: { cols: number; rows: number; cellM: number };
  /** Storage nodes (where loads may be set down), ascending. */
  readonly storageNodes: readonly number[];
  readonly chargerNodes: readonly number[];
  /** Views of the scenario's other kinds of things (conveyors, machines …) by kind id; frozen. */
  readonly things: Readonly<Record<string, unknown>>;
}

/**
 * A command for one robot. Low level (`drive`) to skills (`follow`, `goto`, `lift`, `drop`,
 * `dock`), plus task bookkeeping (`assign`, `unassign`). A robot keeps its last command until a
 * new one arrives; an invalid command becomes `hold` and a `command.rejected` event.
 */
export type RobotCommand =
  | { kind: 'hold'; robot: number }
  /** Velocity setpoints; the motion model applies speed, acceleration and turn limits. */
  | { kind: 'drive'; robot: number; linearMps: number; angularRps: number }
  /**
   * Drive through adjacent roadmap nodes. The first must be the robot's node, a neighbour of it, or
   * (to extend a route seamlessly while moving) the waypoint the robot is driving to now.
   * `notBeforeTick[k]`, if given, is the earliest tick the robot may set off for `path[k]`.
   */
  | { kind: 'follow'; robot: number; path: readonly number[]; notBeforeTick?: readonly number[] }
  /** Drive to a node along the static shortest path (no traffic awareness). */
  | { kind: 'goto'; robot: number; node: number }
  /** Raise the lift under the load resting at the robot's node. */
  | { kind: 'lift'; robot: number }
  /** Set the carried load down at the robot's node. */
  | { kind: 'drop'; robot: number }
  /** Charge at the charger under the robot. */
  | { kind: 'dock'; robot: number }
  | { kind: 'assign'; robot: number; task: number }
  | { kind: 'unassign'; robot: number };

/** What a controller may report about its own plan; the host turns reports into events. */
export type ControllerReport =
  | { kind: 'deadlock'; robots: number[]; waitedSec: number }
  | { kind: 'lagging'; robot: number; node: number; lagSec: number }
  /** An isolated controller's host found it writing into the roadmap it was handed (reported once). */
  | { kind: 'observation-written' };

/**
 * A whole fleet brain. `decide` is called every `controlEvery` ticks with a fresh observation
 * and returns commands for any robots it wants to change. It must be deterministic in its
 * inputs: no clocks and no global random source (use `observation.tick` and your own seeded state).
 */
export interface FleetController {
  readonly name: string;
  /** Ask for a planar range scan (ray casts) of every robot in each observation. */
  readonly scan?: { beams: number; rangeM: number };
  /** Called once per episode before the first `decide`. */
  reset?(info: { seed: number; robots: number; roadmap: Roadmap }): void;
  decide(observation: FleetObservation): readonly RobotCommand[];
  /** Reports gathered during the last `decide` (deadlocks it found, robots behind schedule). */
  drainReports?(): ControllerReport[];
  /** JSON-serialisable internal state, saved in snapshots so a restored run continues identically. */
  saveState?(): unknown;
  loadState?(state: unknown): void;
}

/** Builds a fresh controller instance (one per episode). */
export type ControllerFactory = () => FleetController;
