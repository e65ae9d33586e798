import type { FleetObservation, RobotCommand, RobotObservation, TaskObservation } from '../../sim/index.ts';

/** Chooses which idle robot takes which ready task. */
export interface Assigner {
  readonly name: string;
  /** Pairs for this control tick; each robot and task at most once. */
  assign(observation: FleetObservation, idleRobots: readonly RobotObservation[], readyTasks: readonly TaskObservation[]): Array<{ robot: number; task: number }>;
}

/** What a robot needs a route for. */
export interface RouteRequest {
  robot: RobotObservation;
  goal: number;
  /** Whether the robot carries a load (it may not cross storage nodes holding other loads). */
  loaded: boolean;
  /** Nodes to keep out of this time (e.g. where other robots stand when this one is stuck). */
  avoid?: (node: number) => boolean;
}

/** Plans routes on the roadmap. */
export interface Planner {
  readonly name: string;
  /** Called once per control tick before any `plan` call (for planners that keep reservations). */
  beginTick?(observation: FleetObservation): void;
  /** Node path from the robot's node to the goal, or null when there is none right now. */
  plan(observation: FleetObservation, request: RouteRequest): number[] | null;
}

/** Turns a planned route into commands for the robot's body. */
export interface Executor {
  readonly name: string;
  execute(observation: FleetObservation, robot: RobotObservation, path: readonly number[]): RobotCommand[];
}

/** The three parts a composed fleet controller is made of. */
export interface FleetParts {
  name: string;
  assigner: Assigner;
  planner: Planner;
  executor: Executor;
}
