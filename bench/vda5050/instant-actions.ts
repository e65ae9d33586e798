import type { FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';
import { checkInitPosition, InitPositionRun } from './init-position.ts';
import { holdOnceCommand } from './order-driving.ts';
import type { ActionState, ErrorReference, InstantActionsMessage, VdaErrorType } from './vda-messages.ts';
import { STILL_MPS, type VehicleState } from './vehicle-state.ts';

/** Instant-action states a vehicle keeps (oldest dropped first). */
const KEEP_INSTANT_STATES = 40;

/**
 * Takes a valid `instantActions` message into `v`, action by action: `cancelOrder` and
 * `initPosition` start running (see {@link stepCancel}, {@link stepRelocating}), pauses and
 * requests take effect at once, anything else fails with an error naming what is supported.
 */
export function applyInstantActions(v: VehicleState, message: InstantActionsMessage, obs: FleetObservation): void {
  for (const action of message.actions) {
    const state: ActionState = { actionId: action.actionId, actionType: action.actionType, actionStatus: 'FINISHED' };
    v.instantActionStates.push(state);
    if (v.instantActionStates.length > KEEP_INSTANT_STATES) v.instantActionStates.shift();
    const refs: ErrorReference[] = [
      { referenceKey: 'headerId', referenceValue: String(message.headerId) },
      { referenceKey: 'topic', referenceValue: 'instantActions' },
      { referenceKey: 'actionId', referenceValue: action.actionId },
      { referenceKey: 'actionType', referenceValue: action.actionType },
    ];
    const failWith = (type: VdaErrorType, why: string) => {
      state.actionStatus = 'FAILED';
      state.resultDescription = why;
      v.report(obs.tick, { errorType: type, errorLevel: 'WARNING', errorDescription: why, errorReferences: refs });
    };
    switch (action.actionType) {
      case 'cancelOrder':
        if (!v.busy && !v.nodes.length) failWith('noOrderToCancel', 'cancelOrder: the vehicle has no order to cancel');
        else startCancel(v, state);
        break;
      case 'startPause':
        v.paused = true;
        v.holdIssued = false;
        break;
      case 'stopPause':
        v.paused = false;
        v.issuedTarget = -1;
        break;
      case 'stateRequest':
        v.wantsState = true;
        break;
      case 'factsheetRequest':
        v.wantsFactsheet = true;
        break;
      case 'initPosition': {
        const check = checkInitPosition(action, v.frame, v.busy || v.nodes.length > 0 || v.relocating !== null);
        if (!check.ok) failWith('instantActionError', `initPosition: ${check.why}`);
        else {
          state.actionStatus = 'RUNNING';
          v.relocating = new InitPositionRun(state, check.node, check.thetaRad);
          v.relocationFailed = (why) => failWith('instantActionError', why);
        }
        break;
      }
      default:
        failWith(
          'instantActionError',
          `instant action type "${action.actionType}" is not supported (supported: cancelOrder, startPause, stopPause, stateRequest, factsheetRequest, initPosition)`,
        );
    }
  }
  v.changed = true;
}

function startCancel(v: VehicleState, state: ActionState): void {
  state.actionStatus = 'RUNNING';
  v.cancel = state;
  v.holdIssued = false;
  for (const s of v.orderActionStates) {
    if (s.actionStatus === 'WAITING') {
      s.actionStatus = 'FAILED';
      s.resultDescription = 'cancelled by cancelOrder';
    }
  }
  v.pending = [];
}

/** An accepted `initPosition`: relocate once, then finish (new `lastNodeId`) or fail. */
export function stepRelocating(v: VehicleState, r: RobotObservation): RobotCommand | null {
  const run = v.relocating!;
  const command = run.command(v.robot);
  if (command) return command;
  const progress = run.progress(r);
  if (progress === 'waiting') return null;
  v.relocating = null;
  v.changed = true;
  if (progress === 'refused') {
    v.relocationFailed?.(`initPosition to ${run.nodeId}: the simulator refused to relocate the robot (it is moving, or another robot stands there)`);
    return null;
  }
  run.state.actionStatus = 'FINISHED';
  v.lastNodeId = run.nodeId;
  v.lastRoadNode = run.node;
  return null;
}

/** A running `cancelOrder`: hold, and once the robot stands, drop the order and finish the cancel. */
export function stepCancel(v: VehicleState, r: RobotObservation): RobotCommand | null {
  const cmd = holdOnceCommand(v);
  if (Math.abs(r.speedMps) > STILL_MPS) return cmd;
  v.nodes = [];
  v.edges = [];
  v.runIndex = 0;
  v.cancel!.actionStatus = 'FINISHED';
  if (!v.completionCounted) v.tally.ordersCancelled += 1;
  v.completionCounted = true;
  v.cancel = null;
  v.issuedTarget = -1;
  v.changed = true;
  return cmd;
}
