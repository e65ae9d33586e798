import { CellKind, dock, drop, hold, lift, type FleetObservation, type RobotCommand, type RobotModeName, type RobotObservation } from '../../sim/index.ts';
import { nodeIdOf } from './map-frame.ts';

/**
 * What each node action (`NODE_ACTIONS` in `order-plan.ts`) means for a simulated robot: the
 * robot command that starts it, the mode it shows while busy, when it is done, and why it cannot
 * start where the robot stands.
 */

/** The command that starts `actionType` (pick lifts, drop sets down, startCharging docks, stopCharging holds). */
export function actionCommand(actionType: string, robot: number): RobotCommand {
  switch (actionType) {
    case 'pick':
      return lift(robot);
    case 'drop':
      return drop(robot);
    case 'startCharging':
      return dock(robot);
    default:
      return hold(robot); // stopCharging
  }
}

/** The mode a robot shows while the action runs, if it takes time. */
export function busyModeOf(actionType: string): RobotModeName | null {
  return actionType === 'pick' ? 'lifting' : actionType === 'drop' ? 'dropping' : null;
}

/** Whether the action has finished, judged from the robot as the controller sees it. */
export function actionDone(actionType: string, r: RobotObservation): boolean {
  switch (actionType) {
    case 'pick':
      return r.carrying !== null && r.mode !== 'lifting';
    case 'drop':
      return r.carrying === null && r.mode !== 'dropping';
    case 'startCharging':
      return r.mode === 'docked';
    default:
      return r.mode !== 'docked';
  }
}

/** Why the robot cannot run `actionType` where it stands, or null. */
export function refusal(actionType: string, r: RobotObservation, obs: FleetObservation): string | null {
  const loadHere = obs.loads.find((l) => l.node === r.node);
  switch (actionType) {
    case 'pick':
      if (r.carrying !== null) return `the robot already carries load ${r.carrying}`;
      if (!loadHere) return `no load rests at ${nodeIdOf(r.node)}`;
      if (loadHere.kind !== r.handles) return `the robot handles ${r.handles}s, load ${loadHere.id} is a ${loadHere.kind}`;
      return null;
    case 'drop':
      if (r.carrying === null) return 'the robot carries nothing';
      if (loadHere) return `load ${loadHere.id} already rests at ${nodeIdOf(r.node)}`;
      if (obs.loads[r.carrying]?.kind === 'tote' && obs.roadmap.nodeKind[r.node] !== CellKind.ToteRack)
        return `a tote can only be set down on a tote stand; ${nodeIdOf(r.node)} has none`;
      return null;
    case 'startCharging':
      return obs.chargerNodes.includes(r.node) ? null : `${nodeIdOf(r.node)} has no charger`;
    default:
      return null;
  }
}
