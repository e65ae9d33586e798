import { relocate, type RobotCommand, type RobotObservation } from '../../sim/index.ts';
import { nodeIdOf, roadNodeNear, roadNodeOfId, type MapFrame } from './map-frame.ts';
import type { ActionState, VdaAction } from './vda-messages.ts';

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
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { ok: false, why: `parameter "${key}" must be a number (got ${v === undefined ? 'none' : JSON.stringify(v)})` };
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

/** Control ticks an accepted `initPosition` may take to show the robot on its node before it counts as refused. */
const RELOCATE_WITHIN_CONTROL_TICKS = 3;

/**
 * An `initPosition` under way: the `relocate` command is sent once, then the action finishes when
 * the robot stands on the node (or fails when the sim refused it: another robot there, or moving).
 */
export class InitPositionRun {
  private sent = false;
  private waited = 0;
  constructor(
    readonly state: ActionState,
    readonly node: number,
    private readonly thetaRad: number,
  ) {}

  /** The command to send now (the first time), or null. */
  command(robot: number): RobotCommand | null {
    if (this.sent) return null;
    this.sent = true;
    // VDA 5050's theta is counter-clockwise from the map's x axis, whose y runs against the sim's z.
    return relocate(robot, this.node, Math.cos(this.thetaRad), -Math.sin(this.thetaRad));
  }

  /** 'done' once the robot stands on the node, 'refused' when it did not get there in time, else 'waiting'. */
  progress(r: RobotObservation): 'done' | 'refused' | 'waiting' {
    if (r.node === this.node && r.atNode) return 'done';
    this.waited += 1;
    return this.waited > RELOCATE_WITHIN_CONTROL_TICKS ? 'refused' : 'waiting';
  }

  /** The node's VDA 5050 id. */
  get nodeId(): string {
    return nodeIdOf(this.node);
  }
}
