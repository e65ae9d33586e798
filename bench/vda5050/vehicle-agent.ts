import type { FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';
import { applyInstantActions, stepCancel, stepRelocating } from './instant-actions.ts';
import { readIncoming } from './message-intake.ts';
import { pollRunning, startAction } from './node-action-run.ts';
import { applyOrder } from './order-acceptance.ts';
import { driveCommand, holdOnceCommand, settleOnNodeCommand, trackProgress } from './order-driving.ts';
import { robotViewOf } from './robot-view.ts';
import type { IncomingTopic, InstantActionsMessage, OrderMessage } from './vda-messages.ts';
import { STILL_MPS, VehicleState } from './vehicle-state.ts';

export type { RobotView } from './robot-view.ts';
export type { VdaIssue } from './vehicle-state.ts';

/**
 * One VDA 5050 vehicle's order execution, driven at control ticks: applies incoming messages
 * (validated against the official schema; any problem becomes an `error` in its state and a
 * {@link VdaIssue}), follows the released base edge by edge with ordinary robot commands, runs
 * node actions (pick = lift, drop, startCharging = dock, stopCharging) and instant actions.
 * Deterministic in the messages and observations it is given; the host's wall-clock tags are
 * carried through untouched, never decided on. Its state is {@link VehicleState}.
 */
export class VehicleAgent extends VehicleState {
  /**
   * Applies one raw message (a JSON string) at `tick`. Never throws: malformed or rejected
   * messages become errors in the state. `tag` is the host's arrival tag, for latency only.
   */
  apply(topic: IncomingTopic, payload: string, obs: FleetObservation, tag: number): void {
    const intake = readIncoming(topic, payload, this.fallbackVersion, this.manufacturer, this.serialNumber);
    if ('errorType' in intake) return this.report(obs.tick, intake);
    if (topic === 'order') applyOrder(this, intake as OrderMessage, obs, tag);
    else applyInstantActions(this, intake as InstantActionsMessage, obs);
  }

  /** One control tick: tracks progress, runs actions, returns the robot's command (or null to keep the last). */
  step(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    const command = this.stepOrder(r, obs);
    this.countCompletion();
    return command;
  }

  private stepOrder(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    this.view = robotViewOf(r);
    const driving = Math.abs(r.speedMps) > STILL_MPS;
    if (driving !== this.lastDriving || r.carrying !== this.lastCarrying) this.changed = true;
    this.lastDriving = driving;
    this.lastCarrying = r.carrying;
    if (this.motionWait !== null && driving) {
      this.firstMotions.push({ tag: this.motionWait, tick: obs.tick });
      this.motionWait = null;
    }
    if (this.running) {
      pollRunning(this, r, obs);
      if (this.running) return null;
    }
    if (this.cancel) return stepCancel(this, r);
    if (this.relocating) return stepRelocating(this, r);
    trackProgress(this, r);
    if (this.pending.length > 0) {
      if (this.paused) return holdOnceCommand(this);
      if (!r.atNode) return settleOnNodeCommand(this, r, obs);
      return startAction(this, this.pending.shift()!, r, obs);
    }
    if (this.paused) return holdOnceCommand(this);
    return driveCommand(this, r, obs);
  }

  /** Counts an order completed once its nodes are all reached and its actions all ended. */
  private countCompletion(): void {
    if (this.completionCounted || this.busy || this.nodes.length > 0) return;
    this.completionCounted = true;
    this.tally.ordersCompleted += 1;
  }
}
