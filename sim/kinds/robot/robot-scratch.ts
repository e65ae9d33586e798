import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import { SafetyField } from './safety-field.ts';
import { WaypointCache } from './waypoint-cache.ts';

/** The robot kind's per-episode working memory: worked out again from the state, never hashed or snapshotted. */
export interface RobotScratch {
  /** The robots' safety scanners (also read by the people monitor). */
  readonly safety: SafetyField;
  /** Where each robot's next waypoints are. */
  readonly waypoints: WaypointCache;
}

/** A fresh scratch for an episode of `model`. */
export function createRobotScratch(model: SimModel): RobotScratch {
  return { safety: new SafetyField(model), waypoints: new WaypointCache(robotRows.things(model).length) };
}
