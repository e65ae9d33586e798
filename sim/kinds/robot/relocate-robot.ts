import { KindIndex } from '../../kind/kind-index.ts';
import { loadRows } from '../load/index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { yawQuaternion } from '../../physics/rapier.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode, robotRows } from './robot-columns.ts';
import { robotNode, STILL_MPS } from './robot-position.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A robot was put on a node at once (`relocate`, VDA 5050's `initPosition`): where, and its heading. */
    'robot.relocated': { robot: number; node: number; x: number; z: number; headingX: number; headingZ: number };
  }
}

/**
 * Puts robot `i` at rest on `node`, facing the heading (normalised here), at once: its pose
 * columns, its body (and the load it carries, lift up) are set, its route dropped, its mode Hold.
 * A localisation reset, not a motion: no contact is swept on the way. Returns why it cannot, or null.
 */
export function relocateRobot(model: SimModel, state: SimState, i: number, node: number, headingX: number, headingZ: number): string | null {
  const r = robotRows.table(state);
  if (Math.abs(r.speedMps[i]!) > STILL_MPS || r.turnRps[i] !== 0) return `robot ${i} must be at rest to be relocated`;
  for (let j = 0; j < r.count; j++) {
    if (j !== i && robotNode(model, state, j).node === node) return `robot ${j} stands on node ${node}`;
  }
  const len = Math.sqrt(headingX * headingX + headingZ * headingZ);
  const hx = headingX / len;
  const hz = headingZ / len;
  const x = model.roadmap.nodeX[node]!;
  const z = model.roadmap.nodeZ[node]!;
  r.posX[i] = x;
  r.posZ[i] = z;
  r.headX[i] = hx;
  r.headZ[i] = hz;
  r.speedMps[i] = 0;
  r.turnRps[i] = 0;
  r.mode[i] = RobotMode.Hold;
  r.route[i] = [];
  r.routeNotBefore[i] = [];
  r.routeCapMps[i] = 0;
  const spec = robotRows.things(model)[i]!.model;
  const q = yawQuaternion(hx, hz);
  state.physics.teleport(KindIndex.Robot, i, x, spec.footprint.heightM / 2, z, q.x, q.y, q.z, q.w);
  const load = r.carriedLoad[i]!;
  if (load >= 0) state.physics.teleport(KindIndex.Load, load, x, loadRows.fields(model).loadBaseYM[load]! + spec.liftHeightM, z);
  state.events.push({ type: 'robot.relocated', tick: state.tick, robot: i, node, x, z, headingX: hx, headingZ: hz });
  return null;
}
