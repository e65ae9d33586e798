import type { ControllerReport, FleetObservation, RobotCommand, RobotObservation, TaskObservation } from '../../sim/index.ts';

/** Chooses which idle robot takes which ready task. */
export interface Assigner {
  readonly name: string;
  /** Pairs for this control tick; each robot and task at most once. */
  assign(
    observation: FleetObservation,
    idleRobots: readonly RobotObservation[],
    readyTasks: readonly TaskObservation[],
  ): Array<{ robot: number; task: number }>;
}

/** What a robot needs a route for. */
export interface RouteRequest {
  robot: RobotObservation;
  goal: number;
  /** Whether the robot carries a load (it may not cross storage nodes holding other loads). */
  loaded: boolean;
  /** Nodes to keep out of this time (e.g. where other robots stand when this one is stuck). */
  avoid?: (node: number) => boolean;
  /** Start node; defaults to the robot's node (an executor may plan from the node it is entering). */
  from?: number;
}

/** Plans routes on the roadmap. */
export interface Planner {
  readonly name: string;
  /** Called once per control tick before any `plan` call (for planners that keep reservations). */
  beginTick?(observation: FleetObservation): void;
  /** Node path from the robot's node to the goal, or null when there is none right now. */
  plan(observation: FleetObservation, request: RouteRequest): number[] | null;
}

/**
 * Turns planned routes into commands for the robots' bodies. A simple executor hands each route
 * over at once; a traffic-aware one keeps routes and releases them bit by bit in `finishTick`.
 */
export interface Executor {
  readonly name: string;
  /** A new route for a robot (from the planner); commands to issue now. */
  execute(observation: FleetObservation, robot: RobotObservation, path: readonly number[]): RobotCommand[];
  /** Whether the executor is already taking the robot to `goal` (no new route needed). */
  isHeadingTo?(robot: RobotObservation, goal: number): boolean;
  /** Where a new route for the robot should start. */
  planFrom?(robot: RobotObservation): number;
  /** Nodes a new route for the robot should avoid (e.g. to break a deadlock). */
  avoidFor?(robot: RobotObservation): ((node: number) => boolean) | undefined;
  /**
   * Called once per control tick after all routes are set; returns further commands. `busy` are
   * robots told to lift or drop this tick, or with a command in flight: leave them be. `inFlight`
   * (only under `command.latency`): routes sent that have not landed yet, by robot; their nodes
   * are held by those robots although the observation does not show them yet.
   */
  finishTick?(observation: FleetObservation, busy: ReadonlySet<number>, inFlight?: ReadonlyMap<number, readonly number[]>): RobotCommand[];
  drainReports?(): ControllerReport[];
  saveState?(): unknown;
  loadState?(state: unknown): void;
}

/** The three parts a composed fleet controller is made of. */
export interface FleetParts {
  name: string;
  assigner: Assigner;
  planner: Planner;
  executor: Executor;
}
