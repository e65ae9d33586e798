import type { RobotObservation } from '../../sim/index.ts';
import type { InitPositionRun } from './init-position.ts';
import { nodeIdOf, type MapFrame } from './map-frame.ts';
import type { PlanEdge, PlanNode } from './order-plan.ts';
import { robotViewOf, type RobotView } from './robot-view.ts';
import type { SchemaVersion } from './schema-validator.ts';
import type { ActionState, VdaAction, VdaError, VdaErrorType } from './vda-messages.ts';

/** Speed below which a vehicle counts as standing, m/s. */
export const STILL_MPS = 0.01;
/** Errors a vehicle keeps (oldest dropped first). */
const KEEP_ERRORS = 20;

/** A Testfield event about a VDA 5050 message: what the vehicle reported as an error, and when. */
export interface VdaIssue {
  type: 'vda.error';
  tick: number;
  robot: number;
  serialNumber: string;
  errorType: VdaErrorType;
  description: string;
}

/** A node action the robot is executing: its state entry, and whether the sim has shown it yet. */
export interface RunningAction {
  action: VdaAction;
  state: ActionState;
  startedTick: number;
  sawBusy: boolean;
}

/**
 * Everything one VDA 5050 vehicle knows: the order and its progress, action states, errors, the
 * last command issued and the KPI tallies, with the bookkeeping every part of the agent shares
 * (reporting an error, setting an action's status). Fields not read by the host are the agent
 * modules' working state (`order-acceptance.ts`, `order-driving.ts`, `instant-actions.ts`,
 * `node-action-run.ts`); only those modules write them.
 */
export class VehicleState {
  orderId = '';
  orderUpdateId = 0;
  /** Order nodes not reached yet, base then horizon; `nodes[k]` is the end of `edges[k]`. */
  nodes: PlanNode[] = [];
  edges: PlanEdge[] = [];
  /** Roadmap nodes of `edges[0].run` already passed. */
  runIndex = 0;
  lastNodeId: string;
  /** Roadmap node of `lastNodeId` (-1 when none). */
  lastRoadNode: number;
  lastNodeSequenceId = 0;
  orderActionStates: ActionState[] = [];
  instantActionStates: ActionState[] = [];
  errors: VdaError[] = [];
  paused = false;
  /** Actions of the node just reached, still to run in order. */
  pending: VdaAction[] = [];
  running: RunningAction | null = null;
  cancel: ActionState | null = null;
  relocating: InitPositionRun | null = null;
  /** Reports the accepted `initPosition` as failed (its error references), should the sim refuse it. */
  relocationFailed: ((why: string) => void) | null = null;
  issuedTarget = -1;
  issuedTick = -1_000_000;
  issuedCapMps = Infinity;
  holdIssued = false;
  lastDriving = false;
  lastCarrying: number | null = null;
  view: RobotView;
  /** Set on every change the spec asks a state message for; the host clears it when it publishes. */
  changed = true;
  /** A `stateRequest` / `factsheetRequest` the host should answer. */
  wantsState = false;
  wantsFactsheet = false;
  /** Host tag (wall ms) of the newest accepted order awaiting its first motion. */
  motionWait: number | null = null;
  /** Orders that set the robot moving: the host's tag and the tick of first motion. */
  readonly firstMotions: Array<{ tag: number; tick: number }> = [];
  readonly issues: VdaIssue[] = [];
  /** Deterministic tallies for the session's KPIs. */
  readonly tally = { ordersAccepted: 0, ordersCompleted: 0, ordersCancelled: 0, updatesAccepted: 0, actionsFinished: 0, actionsFailed: 0 };
  completionCounted = true;

  constructor(
    readonly robot: number,
    readonly manufacturer: string,
    readonly serialNumber: string,
    readonly frame: MapFrame,
    readonly fallbackVersion: SchemaVersion,
    first: RobotObservation,
  ) {
    this.view = robotViewOf(first);
    this.lastNodeId = first.node >= 0 ? nodeIdOf(first.node) : '';
    this.lastRoadNode = first.node;
  }

  /** Whether the vehicle has an order it is still executing (base nodes, actions or a cancel). */
  get busy(): boolean {
    return this.cancel !== null || this.running !== null || this.pending.length > 0 || this.nodes.some((n) => n.node.released);
  }

  /** Every action state the state message reports: the order's, then instant actions'. */
  actionStates(): ActionState[] {
    return [...this.orderActionStates, ...this.instantActionStates];
  }

  /** Sets the status of the order action `actionId` (if the order has it); returns its state. */
  setStatus(actionId: string, status: ActionState['actionStatus']): ActionState | undefined {
    const s = this.orderActionStates.find((a) => a.actionId === actionId);
    if (s) s.actionStatus = status;
    this.changed = true;
    return s;
  }

  /** Puts `error` into the state's errors (the newest `KEEP_ERRORS` kept) and records it as a {@link VdaIssue}. */
  report(tick: number, error: VdaError): void {
    this.errors.push(error);
    if (this.errors.length > KEEP_ERRORS) this.errors.shift();
    this.issues.push({
      type: 'vda.error',
      tick,
      robot: this.robot,
      serialNumber: this.serialNumber,
      errorType: error.errorType,
      description: error.errorDescription,
    });
    this.changed = true;
  }
}

/** A fresh `WAITING` state for `action`. */
export function waitingState(action: VdaAction): ActionState {
  return { actionId: action.actionId, actionType: action.actionType, actionStatus: 'WAITING' };
}
