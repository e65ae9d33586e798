import type { FleetController } from '../../sim/index.ts';
import { createNearestIdleAssigner } from '../fleet/assigners/nearest-idle.ts';
import { composeFleetController } from '../fleet/compose-fleet-controller.ts';
import { createPibtExecutor, createPibtGoalPlanner } from '../fleet/planners/pibt-executor.ts';

/**
 * `pibt`: lifelong multi-agent path finding by Priority Inheritance with Backtracking (Okumura et
 * al., IJCAI 2019 / AIJ 2022), one roadmap step per robot per control tick, executed under node
 * reservations (a robot only enters a node nobody holds): collision-free and swap-free by
 * construction.
 */
export function createPibtController(): FleetController {
  return composeFleetController({
    name: 'pibt',
    assigner: createNearestIdleAssigner({ maxActivePerStation: 4 }),
    planner: createPibtGoalPlanner(),
    executor: createPibtExecutor(),
  });
}
