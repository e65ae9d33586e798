/**
 * Robot models (physical specs) and fleet controllers. Depends only on `sim/`.
 */
import { createGreedyController } from './controllers/greedy.ts';
import { createReserveController } from './controllers/reserve.ts';
import { createPibtController } from './controllers/pibt.ts';
import { shelfLifter } from './models/shelf-lifter.ts';
import { toteCarrier } from './models/tote-carrier.ts';

export { shelfLifter, toteCarrier, createGreedyController, createReserveController, createPibtController };
export { createPibtExecutor, createPibtGoalPlanner, type PibtOptions } from './fleet/planners/pibt-executor.ts';
export { pibtStep, type PibtAgent, type PibtStepResult } from './fleet/planners/pibt-step.ts';
export { GoalDistances, UNREACHABLE_STEPS, type StepDistances } from './fleet/planners/pibt-distances.ts';
export { DEFAULT_LAZY_TUNING, LazyGoalSearch, type LazySearchTuning } from './fleet/planners/lazy-goal-search.ts';
export { PagedNodeValues } from './fleet/planners/paged-node-values.ts';
export { reverseEdges, type ReversedEdges } from './fleet/planners/reversed-edges.ts';
export { NodeHolders } from './fleet/executors/node-claims.ts';
export { createReservationExecutor, type ReservationOptions } from './fleet/executors/reservation-executor.ts';
export { claimNodes } from './fleet/executors/node-claims.ts';
export { composeFleetController, DETOUR_AFTER_BLOCKED_SEC } from './fleet/compose-fleet-controller.ts';
export { createNearestIdleAssigner } from './fleet/assigners/nearest-idle.ts';
export { createShortestPathPlanner } from './fleet/planners/shortest-path-planner.ts';
export { createPathFollowerExecutor } from './fleet/executors/path-follower.ts';
export { nodeDistanceM, restingLoadNodes } from './fleet/occupancy.ts';
export type { Assigner, Planner, Executor, FleetParts, RouteRequest } from './fleet/fleet-parts.ts';

export * from './arms/index.ts';

export {
  robotModels,
  hostCatalog,
  controllers,
  BEST_BASELINE,
  DEFAULT_CONTROLLER,
  resolveController,
  ControllerResolveError,
  type ControllerRole,
  type ControllerLoader,
  type FactoryOf,
} from './catalog.ts';
export * from './learn/index.ts';
export { loadOnnxPolicy, bestAllowed, PolicyModelError, POLICY_INPUT, POLICY_OUTPUT, POLICY_ACTIONS, type OnnxPolicyOptions } from './policies/onnx-policy.ts';
