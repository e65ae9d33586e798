import { nodeIdOf, roadNodeNear, roadNodeOfId, type MapFrame } from './map-frame.ts';
import type { VdaAction } from './vda-messages.ts';

/**
 * Why `initPosition` is refused even when its parameters are right: a fleet controller has no
 * way to move a robot's body, and the sim has no command that does (see the README's
 * *Not supported*). When it gets one, {@link checkInitPosition}'s node is where to put the robot.
 */
export const INIT_POSITION_UNSUPPORTED = 'the simulator cannot relocate a robot yet (no place command); the vehicle stays where it is';

/** A checked `initPosition`: the roadmap node and heading it names, or why it is wrong. */
export type InitPositionCheck = { ok: true; node: number; thetaRad: number } | { ok: false; why: string };

/**
 * Checks the parameters of an `initPosition` instant action against the map: `x`, `y`, `theta`
 * (numbers), `mapId` (this map) and `lastNodeId` (a roadmap node id); the position must lie on a
 * roadmap node (within half a cell) and, when `lastNodeId` is not empty, on that node. The vehicle
 * must have no order (`hasOrder`).
 */
export function checkInitPosition(action: VdaAction, frame: MapFrame, hasOrder: boolean): InitPositionCheck {
  const params = new Map((action.actionParameters ?? []).map((p) => [p.key, p.value] as const));
  for (const key of ['x', 'y', 'theta'] as const) {
    const v = params.get(key);
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, why: `parameter "${key}" must be a number (got ${v === undefined ? 'none' : JSON.stringify(v)})` };
  }
  const mapId = params.get('mapId');
  if (typeof mapId !== 'string') return { ok: false, why: `parameter "mapId" must be a string naming this map ("${frame.mapId}")` };
  if (mapId !== frame.mapId) return { ok: false, why: `parameter "mapId" is "${mapId}", not this map ("${frame.mapId}")` };
  const lastNodeId = params.get('lastNodeId');
  if (lastNodeId !== undefined && typeof lastNodeId !== 'string') return { ok: false, why: 'parameter "lastNodeId" must be a string' };
  const x = params.get('x') as number;
  const y = params.get('y') as number;
  const node = roadNodeNear(frame, x, y, frame.roadmap.cellM / 2);
  if (node < 0) return { ok: false, why: `position (${x}, ${y}) is not on a roadmap node of ${frame.mapId} (within half a cell; see "vda5050 export-map")` };
  if (lastNodeId) {
    const named = roadNodeOfId(frame, lastNodeId);
    if (named < 0) return { ok: false, why: `parameter "lastNodeId" "${lastNodeId}" is not a roadmap node` };
    if (named !== node) return { ok: false, why: `parameter "lastNodeId" is ${lastNodeId} but (${x}, ${y}) is at ${nodeIdOf(node)}` };
  }
  if (hasOrder) return { ok: false, why: 'the vehicle has an order; cancel it first' };
  return { ok: true, node, thetaRad: params.get('theta') as number };
}
