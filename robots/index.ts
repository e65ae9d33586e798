/**
 * Robot models (physical specs) and fleet controllers. Depends only on `sim/`.
 */
import type { ControllerFactory, RobotModelCatalog, RobotModelSpec } from '../sim/index.ts';
import { armCatalog } from './arms/index.ts';
import { createGreedyController } from './controllers/greedy.ts';
import { createReserveController } from './controllers/reserve.ts';
import { createPibtController } from './controllers/pibt.ts';
import { shelfLifter } from './models/shelf-lifter.ts';
import { toteCarrier } from './models/tote-carrier.ts';

export { shelfLifter, toteCarrier, createGreedyController, createReserveController, createPibtController };
export { createPibtExecutor, createPibtGoalPlanner, type PibtOptions } from './fleet/planners/pibt-executor.ts';
export { pibtStep, type PibtAgent, type PibtStepResult } from './fleet/planners/pibt-step.ts';
export { GoalDistances, UNREACHABLE_STEPS, type StepDistances } from './fleet/planners/pibt-distances.ts';
export { LazyGoalSearch, reverseEdges, type ReversedEdges } from './fleet/planners/lazy-goal-search.ts';
export { NodeHolders } from './fleet/executors/node-claims.ts';
export { createReservationExecutor, type ReservationOptions } from './fleet/executors/reservation-executor.ts';
export { claimNodes } from './fleet/executors/node-claims.ts';
export { composeFleetController, DETOUR_AFTER_BLOCKED_SEC } from './fleet/compose-fleet-controller.ts';
export { createNearestIdleAssigner } from './fleet/assigners/nearest-idle.ts';
export { createShortestPathPlanner } from './fleet/planners/shortest-path-planner.ts';
export { createPathFollowerExecutor } from './fleet/executors/path-follower.ts';
export { nodeDistanceM, restingLoadNodes } from './fleet/occupancy.ts';
export type { Assigner, Planner, Executor, FleetParts, RouteRequest } from './fleet/fleet-parts.ts';

/** Robot models by id: the catalogue scenarios name their fleet from. */
export const robotModels: Readonly<Record<string, RobotModelSpec>> = Object.freeze({
  [shelfLifter.id]: shelfLifter,
  [toteCarrier.id]: toteCarrier,
});

/**
 * What hosts hand `SimHost.create` and `compileScenario`: the robot models by id plus the arm
 * models as `arm:<id>` (names with a colon are never robot models).
 */
export const hostCatalog: RobotModelCatalog = Object.freeze({ ...robotModels, ...(armCatalog as unknown as RobotModelCatalog) });

export * from './arms/index.ts';

/** Built-in controllers by name. */
export const controllers: Readonly<Record<string, ControllerFactory>> = Object.freeze({
  reserve: createReserveController,
  greedy: createGreedyController,
  pibt: createPibtController,
});

/**
 * The best built-in baseline (highest throughput in the README's `bench compare` table, no
 * collisions): what `bench sweep` drives the fleet with unless a sweep file names a controller.
 */
export const BEST_BASELINE = 'pibt';

/** The controller `bench run` uses when none is named. */
export const DEFAULT_CONTROLLER = 'reserve';
export * from './env/index.ts';
export { loadOnnxPolicy, bestAllowed, PolicyModelError, POLICY_INPUT, POLICY_OUTPUT, POLICY_ACTIONS, type OnnxPolicyOptions } from './policies/onnx-policy.ts';
