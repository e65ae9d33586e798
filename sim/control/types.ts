import type { Roadmap } from '../model/roadmap.ts';
import type { LoadKind } from '../schema/robot-model-spec.ts';

/** Robot mode names as controllers see them. */
export type RobotModeName = 'hold' | 'drive' | 'follow' | 'lifting' | 'dropping' | 'docked' | 'faulted';

/** What a controller may know about one robot. Units in names; headings are unit vectors. */
export interface RobotObservation {
  /** Robot id, 0-based, the index in `observation.robots`. */
  readonly id: number;
  /** What it can carry. */
  readonly handles: LoadKind;
  /** Chassis centre, metres east of the layout's west edge. */
  readonly x: number;
  /** Chassis centre, metres south of the layout's north edge (row 0 is north, −z). */
  readonly z: number;
  /** Heading unit vector, x component (dimensionless; (1, 0) faces east). */
  readonly headingX: number;
  /** Heading unit vector, z component ((0, −1) faces north). */
  readonly headingZ: number;
  /** Signed forward speed, m/s. */
  readonly speedMps: number;
  /** Roadmap node under the robot's centre (-1 off the map). */
  readonly node: number;
  /** Whether the robot stands still within 5 cm of its node's centre. */
  readonly atNode: boolean;
  /** What the robot is doing (a stalled robot is `faulted`). */
  readonly mode: RobotModeName;
  /** Waypoints (node ids) still ahead in follow mode. */
  readonly route: readonly number[];
  /** Id of the load it carries, or null. */
  readonly carrying: number | null;
  /** Id of its task, or null. */
  readonly task: number | null;
  /** Battery charge, watt-hours (the model's `battery.capacityWh` when full). */
  readonly batteryWh: number;
  /** Seconds the safety field has kept it from moving as commanded. */
  readonly blockedSec: number;
  /** The model's top speed, m/s. */
  readonly maxSpeedMps: number;
  /** The model's top turn rate, rad/s. */
  readonly maxTurnRps: number;
  /** The model's acceleration limit, m/s². */
  maxAccelMps2: number;
  /**
   * Range scan (only when the controller asks for one, see `FleetController.scan`): distances in
   * metres, beam 0 straight ahead, then counter-clockwise seen from above, evenly spaced over 360°.
   */
  readonly scanM?: Float32Array;
}

/** A task as controllers see it: present `load` at `station`, then store the load again. */
export interface TaskObservation {
  /** Task id (ascending in creation order). */
  readonly id: number;
  /** Load to present. */
  readonly load: number;
  /** Station to present it at. */
  readonly station: number;
  /** `open` → `assigned` → `carrying` → `picking` → `returning` → `done`. */
  readonly phase: TaskPhase;
  /** Robot doing it, or null while open. */
  readonly robot: number | null;
  /** Order lines it serves. */
  readonly lineCount: number;
  /** Tick it was created (seconds: `createdTick × dtSec`). */
  readonly createdTick: number;
  /** Whether it can be assigned now (its load is not busy with another task). */
  readonly ready: boolean;
}

/** A load (rack pod or tote) as controllers see it. */
export interface LoadObservation {
  /** Load id. */
  readonly id: number;
  /** `pod` or `tote`. */
  readonly kind: LoadKind;
  /** Node it rests on, or null while carried. */
  readonly node: number | null;
  /** Robot carrying it, or null. */
  readonly carriedBy: number | null;
  /** What holds the load (a robot, a conveyor, a gripper …), or null while it rests on a node. */
  readonly holder: { readonly kind: string; readonly id: number } | null;
  /** Storage node it is stored at by default. */
  readonly homeNode: number;
}

/** A pick station as controllers see it. */
export interface StationObservation {
  /** Station id. */
  readonly id: number;
  /** Roadmap node where a robot parks to be picked from. */
  readonly node: number;
  /** Task being picked now, or null. */
  readonly picking: number | null;
}

/** Everything a fleet controller sees at a control tick. Never the `SimState` itself. */
export interface FleetObservation {
  /** Simulation tick of this control tick. */
  readonly tick: number;
  /** Simulated time, seconds (`tick × dtSec`). */
  readonly timeSec: number;
  /** Length of one tick, seconds (1 / physics hz). */
  readonly dtSec: number;
  /** Control period in ticks. */
  readonly controlEvery: number;
  /** Every robot, by id. */
  readonly robots: readonly RobotObservation[];
  /** Tasks not yet done, ascending id. */
  readonly tasks: readonly TaskObservation[];
  /** Every load, by id. */
  readonly loads: readonly LoadObservation[];
  /** Every pick station, by id. */
  readonly stations: readonly StationObservation[];
  /** The roadmap (node centres in metres, directed edges; a copy, see README). */
  readonly roadmap: Roadmap;
  /** Layout size, for node lookups by position: columns, rows, and the cell side in metres. */
  readonly grid: { cols: number; rows: number; cellM: number };
  /** Storage nodes (where loads may be set down), ascending. */
  readonly storageNodes: readonly number[];
  /** Charger nodes, ascending. */
  readonly chargerNodes: readonly number[];
  /** Views of the scenario's other kinds of things (conveyors, machines …) by kind id; frozen. */
  readonly things: Readonly<Record<string, unknown>>;
}

/** Task phases, in order. */
export type TaskPhase = 'open' | 'assigned' | 'carrying' | 'picking' | 'returning' | 'done';

/** The sections of the fleet observation that kinds write (see `KindDef.fleetView`). */
export type FleetViewSections = { -readonly [K in 'robots' | 'tasks' | 'loads' | 'stations' | 'storageNodes' | 'chargerNodes']: FleetObservation[K] };

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
   * `maxSpeedMps`, if given (> 0), caps the speed along this route below the model's top speed.
   */
  | { kind: 'follow'; robot: number; path: readonly number[]; notBeforeTick?: readonly number[]; maxSpeedMps?: number }
  /** Drive to a node along the static shortest path (no traffic awareness). */
  | { kind: 'goto'; robot: number; node: number }
  /** Raise the lift under the load resting at the robot's node. */
  | { kind: 'lift'; robot: number }
  /** Set the carried load down at the robot's node. */
  | { kind: 'drop'; robot: number }
  /** Charge at the charger under the robot. */
  | { kind: 'dock'; robot: number }
  /**
   * Puts a robot at rest on `node`, facing the unit heading (`headingX`, `headingZ`), at once: a
   * localisation reset (VDA 5050's `initPosition`), not a motion. Refused while the robot moves,
   * lifts, drops or is faulted, or when another robot stands on the node.
   */
  | { kind: 'relocate'; robot: number; node: number; headingX: number; headingZ: number }
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
  /**
   * For controllers that infer asynchronously (an ONNX policy on onnxruntime's WASM backend): when
   * present, hosts that support it (`SimHost.advanceAsync`: the bench runner and the page worker)
   * await this instead of calling `decide`, with the same observation at the same ticks, so a run
   * is as deterministic as with `decide`.
   */
  decideAsync?(observation: FleetObservation): Promise<readonly RobotCommand[]>;
  /** Reports gathered during the last `decide` (deadlocks it found, robots behind schedule). */
  drainReports?(): ControllerReport[];
  /** JSON-serialisable internal state, saved in snapshots so a restored run continues identically. */
  saveState?(): unknown;
  loadState?(state: unknown): void;
}

/** Builds a fresh controller instance (one per episode). */
export type ControllerFactory = () => FleetController;
