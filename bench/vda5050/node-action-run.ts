import type { FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';
import { actionCommand, actionDone, busyModeOf, refusal } from './node-actions.ts';
import type { VdaAction } from './vda-messages.ts';
import { waitingState, type VehicleState } from './vehicle-state.ts';

/** Control ticks an action may take to show in the sim before it counts as refused. */
const ACTION_START_CONTROL_TICKS = 10;

/**
 * Starts the node action `action` on the robot standing at its node: its command (it is then
 * running), or null when the robot cannot do it now (it has failed, with an error).
 */
export function startAction(v: VehicleState, action: VdaAction, r: RobotObservation, obs: FleetObservation): RobotCommand | null {
  const why = refusal(action.actionType, r, obs);
  if (why) {
    failAction(v, action, why, obs.tick);
    return null;
  }
  const state = v.setStatus(action.actionId, 'RUNNING');
  v.running = { action, state: state ?? waitingState(action), startedTick: obs.tick, sawBusy: false };
  v.issuedTarget = -1;
  return actionCommand(action.actionType, v.robot);
}

/** Follows the running action: finished once the robot shows it done, failed if the sim never took it up. */
export function pollRunning(v: VehicleState, r: RobotObservation, obs: FleetObservation): void {
  const run = v.running!;
  const busyMode = busyModeOf(run.action.actionType);
  if (busyMode && r.mode === busyMode) run.sawBusy = true;
  const done = actionDone(run.action.actionType, r);
  if (done) {
    v.tally.actionsFinished += 1;
    v.setStatus(run.action.actionId, 'FINISHED');
    v.running = null;
    v.changed = true;
    return;
  }
  if (!run.sawBusy && obs.tick - run.startedTick > ACTION_START_CONTROL_TICKS * obs.controlEvery) {
    v.running = null;
    failAction(v, run.action, `${run.action.actionType} was refused by the robot (mode ${r.mode})`, obs.tick);
  }
}

function failAction(v: VehicleState, action: VdaAction, why: string, tick: number): void {
  v.tally.actionsFailed += 1;
  const s = v.setStatus(action.actionId, 'FAILED');
  if (s) s.resultDescription = why;
  v.report(tick, {
    errorType: 'orderActionError',
    errorLevel: 'WARNING',
    errorDescription: `action ${action.actionId} (${action.actionType}) failed: ${why}`,
    errorReferences: [
      { referenceKey: 'orderId', referenceValue: v.orderId },
      { referenceKey: 'actionId', referenceValue: action.actionId },
      { referenceKey: 'actionType', referenceValue: action.actionType },
    ],
  });
}
