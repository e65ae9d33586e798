import type { FleetController } from '../../sim/index.ts';
import { createNearestIdleAssigner } from '../fleet/assigners/nearest-idle.ts';
import { composeFleetController } from '../fleet/compose-fleet-controller.ts';
import { createPathFollowerExecutor } from '../fleet/executors/path-follower.ts';
import { createShortestPathPlanner } from '../fleet/planners/shortest-path-planner.ts';

/**
 * `greedy`: nearest-idle assignment, static shortest paths blind to other robots, and the
 * onboard route tracker. Its robots rely on their safety fields and may still collide:
 * the baseline that traffic-aware controllers must beat.
 */
export function createGreedyController(): FleetController {
  return composeFleetController({
    name: 'greedy',
    assigner: createNearestIdleAssigner(),
    planner: createShortestPathPlanner(),
    executor: createPathFollowerExecutor(),
  });
}
