import { nodeAt } from '../../model/roadmap.ts';
import { robotRows, type RobotTable } from './robot-columns.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';

/** A robot counts as "at" a node within this distance of its centre, standing still. */
const AT_NODE_TOLERANCE_M = 0.05;
/** A robot slower than this stands still (for {@link isAtNode}). */
export const STILL_MPS = 0.02;

/** The node under a robot, and whether it stands still on its centre. */
export function robotNode(model: SimModel, state: SimState, robot: number): { node: number; atNode: boolean } {
  const r = robotRows.table(state);
  const node = nodeAt(model.roadmap, model.grid.cols, model.grid.rows, r.posX[robot]!, r.posZ[robot]!);
  return { node, atNode: isAtNode(model, state, robot, node) };
}

/** Whether `robot` stands still within {@link AT_NODE_TOLERANCE_M} of `node`'s centre (false for -1). */
export function isAtNode(model: SimModel, state: SimState, robot: number, node: number): boolean {
  return node >= 0 && standsStillAt(robotRows.table(state), robot, model.roadmap.nodeX[node]!, model.roadmap.nodeZ[node]!);
}

/**
 * Whether `robot` stands still within {@link AT_NODE_TOLERANCE_M} of the point (x, z) metres: its
 * speed is checked first, so a moving robot's answer needs no node position.
 */
export function standsStillAt(r: RobotTable, robot: number, x: number, z: number): boolean {
  if (!(Math.abs(r.speedMps[robot]!) < STILL_MPS)) return false;
  const dx = r.posX[robot]! - x;
  const dz = r.posZ[robot]! - z;
  return dx * dx + dz * dz <= AT_NODE_TOLERANCE_M ** 2;
}
