import type { FleetController } from '../../sim/index.ts';
import { createNearestIdleAssigner } from '../fleet/assigners/nearest-idle.ts';
import { composeFleetController } from '../fleet/compose-fleet-controller.ts';
import { createReservationExecutor } from '../fleet/executors/reservation-executor.ts';
import { createShortestPathPlanner } from '../fleet/planners/shortest-path-planner.ts';

/**
 * `reserve` (the default): nearest-idle assignment with at most four tasks under way per station,
 * congestion-aware A* routes, and a rolling
 * node-reservation executor that never lets two robots hold the same node, detects and breaks
 * wait cycles, and moves idle robots out of the way.
 */
export function createReserveController(): FleetController {
  return composeFleetController({
    name: 'reserve',
    assigner: createNearestIdleAssigner({ maxActivePerStation: 4 }),
    planner: createShortestPathPlanner({ congestionCostM: 3, laneEntry: true }),
    executor: createReservationExecutor(),
  });
}
