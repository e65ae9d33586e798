import { follow, hold, type FleetObservation, type RobotCommand, type RobotModeName, type RobotObservation } from '../../sim/index.ts';
import { hasRoadEdge, nodeIdOf, type MapFrame } from './map-frame.ts';
import { readIncoming } from './message-intake.ts';
import { actionCommand, actionDone, busyModeOf, refusal } from './node-actions.ts';
import { orderError, planOrder, type PlanEdge, type PlanNode } from './order-plan.ts';
import { checkInitPosition, InitPositionRun } from './init-position.ts';
import type { SchemaVersion } from './schema-validator.ts';
import type { ActionState, ErrorReference, IncomingTopic, InstantActionsMessage, OrderMessage, VdaAction, VdaError, VdaErrorType } from './vda-messages.ts';

/** Speed below which a vehicle counts as standing, m/s. */
const STILL_MPS = 0.01;
/** Errors and instant-action states a vehicle keeps (oldest dropped first). */
const KEEP_ERRORS = 20;
const KEEP_INSTANT_STATES = 40;
/** Control ticks an action may take to show in the sim before it counts as refused. */
const ACTION_START_CONTROL_TICKS = 10;

/** A Testfield event about a VDA 5050 message: what the vehicle reported as an error, and when. */
export interface VdaIssue {
  type: 'vda.error';
  tick: number;
  robot: number;
  serialNumber: string;
  errorType: VdaErrorType;
  description: string;
}

/** What the vehicle last saw of its robot (copied: observations are reused views). */
export interface RobotView {
  x: number;
  z: number;
  headingX: number;
  headingZ: number;
  speedMps: number;
  node: number;
  atNode: boolean;
  mode: RobotModeName;
  carrying: number | null;
  batteryWh: number;
  blockedSec: number;
}

interface RunningAction {
  action: VdaAction;
  state: ActionState;
  startedTick: number;
  sawBusy: boolean;
}

/**
 * One VDA 5050 vehicle's order execution, driven at control ticks: applies incoming messages
 * (validated against the official schema; any problem becomes an `error` in its state and a
 * {@link VdaIssue}), follows the released base edge by edge with ordinary robot commands, runs
 * node actions (pick = lift, drop, startCharging = dock, stopCharging) and instant actions.
 * Deterministic in the messages and observations it is given; the host's wall-clock tags are
 * carried through untouched, never decided on.
 */
export class VehicleAgent {
  orderId = '';
  orderUpdateId = 0;
  /** Order nodes not reached yet, base then horizon; `nodes[k]` is the end of `edges[k]`. */
  nodes: PlanNode[] = [];
  edges: PlanEdge[] = [];
  /** Roadmap nodes of `edges[0].run` already passed. */
  private runIndex = 0;
  lastNodeId: string;
  /** Roadmap node of `lastNodeId` (-1 when none). */
  lastRoadNode: number;
  lastNodeSequenceId = 0;
  orderActionStates: ActionState[] = [];
  instantActionStates: ActionState[] = [];
  errors: VdaError[] = [];
  paused = false;
  /** Actions of the node just reached, still to run in order. */
  private pending: VdaAction[] = [];
  private running: RunningAction | null = null;
  private cancel: ActionState | null = null;
  private relocating: InitPositionRun | null = null;
  /** Reports the accepted `initPosition` as failed (its error references), should the sim refuse it. */
  private relocationFailed: ((why: string) => void) | null = null;
  private issuedTarget = -1;
  private issuedTick = -1_000_000;
  private issuedCapMps = Infinity;
  private holdIssued = false;
  private lastDriving = false;
  private lastCarrying: number | null = null;
  view: RobotView;
  /** Set on every change the spec asks a state message for; the host clears it when it publishes. */
  changed = true;
  /** A `stateRequest` / `factsheetRequest` the host should answer. */
  wantsState = false;
  wantsFactsheet = false;
  /** Host tag (wall ms) of the newest accepted order awaiting its first motion. */
  private motionWait: number | null = null;
  /** Orders that set the robot moving: the host's tag and the tick of first motion. */
  readonly firstMotions: Array<{ tag: number; tick: number }> = [];
  readonly issues: VdaIssue[] = [];
  /** Deterministic tallies for the session's KPIs. */
  readonly tally = { ordersAccepted: 0, ordersCompleted: 0, ordersCancelled: 0, updatesAccepted: 0, actionsFinished: 0, actionsFailed: 0 };
  private completionCounted = true;

  constructor(
    readonly robot: number,
    readonly manufacturer: string,
    readonly serialNumber: string,
    private readonly frame: MapFrame,
    private readonly fallbackVersion: SchemaVersion,
    first: RobotObservation,
  ) {
    this.view = viewOf(first);
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

  /**
   * Applies one raw message (a JSON string) at `tick`. Never throws: malformed or rejected
   * messages become errors in the state. `tag` is the host's arrival tag, for latency only.
   */
  apply(topic: IncomingTopic, payload: string, obs: FleetObservation, tag: number): void {
    const intake = readIncoming(topic, payload, this.fallbackVersion, this.manufacturer, this.serialNumber);
    if ('errorType' in intake) return this.report(obs.tick, intake);
    if (topic === 'order') this.applyOrder(intake as OrderMessage, obs, tag);
    else this.applyInstantActions(intake as InstantActionsMessage, obs);
  }

  /** One control tick: tracks progress, runs actions, returns the robot's command (or null to keep the last). */
  step(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    const command = this.stepOrder(r, obs);
    this.countCompletion();
    return command;
  }

  private stepOrder(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    this.view = viewOf(r);
    const driving = Math.abs(r.speedMps) > STILL_MPS;
    if (driving !== this.lastDriving || r.carrying !== this.lastCarrying) this.changed = true;
    this.lastDriving = driving;
    this.lastCarrying = r.carrying;
    if (this.motionWait !== null && driving) {
      this.firstMotions.push({ tag: this.motionWait, tick: obs.tick });
      this.motionWait = null;
    }
    if (this.running) {
      this.pollRunning(r, obs);
      if (this.running) return null;
    }
    if (this.cancel) return this.stepCancel(r);
    if (this.relocating) return this.stepRelocating(r);
    this.trackProgress(r);
    if (this.pending.length > 0) {
      if (this.paused) return this.holdOnce();
      if (!r.atNode) return this.settleOnNode(r, obs);
      return this.startAction(this.pending.shift()!, r, obs);
    }
    if (this.paused) return this.holdOnce();
    return this.drive(r, obs);
  }

  /** Counts an order completed once its nodes are all reached and its actions all ended. */
  private countCompletion(): void {
    if (this.completionCounted || this.busy || this.nodes.length > 0) return;
    this.completionCounted = true;
    this.tally.ordersCompleted += 1;
  }

  // --- messages -------------------------------------------------------------------------------

  private applyOrder(order: OrderMessage, obs: FleetObservation, tag: number): void {
    const r = obs.robots[this.robot]!;
    if (this.cancel)
      return this.report(
        obs.tick,
        orderError(
          'orderError',
          `order ${order.orderId} arrived while order ${this.orderId} is being cancelled; send it again when the cancel has finished`,
          order,
        ),
      );
    if (order.orderId === this.orderId && this.orderId !== '') {
      if (order.orderUpdateId < this.orderUpdateId)
        return this.report(
          obs.tick,
          orderError(
            'orderUpdateError',
            `orderUpdateId ${order.orderUpdateId} is older than the current ${this.orderUpdateId} of order ${order.orderId}`,
            order,
          ),
        );
      if (order.orderUpdateId === this.orderUpdateId) return; // a resend: VDA 5050 says discard it
      return this.applyUpdate(order, obs);
    }
    if (this.busy)
      return this.report(
        obs.tick,
        orderError('orderError', `the vehicle is still executing order ${this.orderId}; send an update of it (same orderId) or cancelOrder first`, order),
      );
    const plan = planOrder(this.frame, order, new Set());
    if ('errorType' in plan) return this.report(obs.tick, plan);
    const first = plan.nodes[0]!;
    if (first.roadNode !== r.node) {
      return this.report(
        obs.tick,
        orderError(
          'noRouteError',
          `a new order starts where the vehicle stands (${nodeIdOf(r.node)}); its first node ${first.node.nodeId} is ${nodeIdOf(first.roadNode)}`,
          order,
          [{ referenceKey: 'nodeId', referenceValue: first.node.nodeId }],
        ),
      );
    }
    this.orderId = order.orderId;
    this.orderUpdateId = order.orderUpdateId;
    this.nodes = plan.nodes.slice(1);
    this.edges = plan.edges;
    this.runIndex = 0;
    this.errors = [];
    this.orderActionStates = [...plan.nodes.flatMap((n) => n.node.actions), ...plan.edges.flatMap((e) => e.edge.actions)].map(waiting);
    this.lastNodeId = first.node.nodeId;
    this.lastRoadNode = first.roadNode;
    this.lastNodeSequenceId = first.node.sequenceId;
    this.pending = [...first.node.actions];
    this.issuedTarget = -1;
    this.tally.ordersAccepted += 1;
    this.completionCounted = false;
    this.motionWait = this.edges.some((e) => e.edge.released && e.run.length > 0) ? tag : null;
    this.changed = true;
  }

  private applyUpdate(order: OrderMessage, obs: FleetObservation): void {
    const base = this.nodes.filter((n) => n.node.released);
    const stitch =
      base.length > 0
        ? { nodeId: base[base.length - 1]!.node.nodeId, sequenceId: base[base.length - 1]!.node.sequenceId }
        : { nodeId: this.lastNodeId, sequenceId: this.lastNodeSequenceId };
    const firstSent = [...order.nodes].sort((a, b) => a.sequenceId - b.sequenceId)[0];
    const known = new Set(this.orderActionStates.map((s) => s.actionId));
    for (const a of firstSent?.actions ?? []) known.delete(a.actionId);
    const plan = planOrder(this.frame, order, known);
    if ('errorType' in plan) return this.report(obs.tick, plan);
    const first = plan.nodes[0]!.node;
    if (first.nodeId !== stitch.nodeId || first.sequenceId !== stitch.sequenceId) {
      return this.report(
        obs.tick,
        orderError(
          'orderUpdateError',
          `an update of order ${order.orderId} must start at the end of its base, node ${stitch.nodeId} (sequenceId ${stitch.sequenceId}); it starts at ${first.nodeId} (sequenceId ${first.sequenceId})`,
          order,
          [{ referenceKey: 'nodeId', referenceValue: first.nodeId }],
        ),
      );
    }
    this.nodes = [...base, ...plan.nodes.slice(1)];
    this.edges = [...this.edges.filter((e) => e.edge.released), ...plan.edges];
    const added = [...plan.nodes.slice(1).flatMap((n) => n.node.actions), ...plan.edges.flatMap((e) => e.edge.actions)];
    this.orderActionStates = [...this.orderActionStates, ...added.map(waiting)];
    this.orderUpdateId = order.orderUpdateId;
    this.tally.updatesAccepted += 1;
    this.completionCounted = false;
    this.issuedTarget = -1;
    this.changed = true;
  }

  private applyInstantActions(message: InstantActionsMessage, obs: FleetObservation): void {
    for (const action of message.actions) {
      const state: ActionState = { actionId: action.actionId, actionType: action.actionType, actionStatus: 'FINISHED' };
      this.instantActionStates.push(state);
      if (this.instantActionStates.length > KEEP_INSTANT_STATES) this.instantActionStates.shift();
      const refs: ErrorReference[] = [
        { referenceKey: 'headerId', referenceValue: String(message.headerId) },
        { referenceKey: 'topic', referenceValue: 'instantActions' },
        { referenceKey: 'actionId', referenceValue: action.actionId },
        { referenceKey: 'actionType', referenceValue: action.actionType },
      ];
      const failWith = (type: VdaErrorType, why: string) => {
        state.actionStatus = 'FAILED';
        state.resultDescription = why;
        this.report(obs.tick, { errorType: type, errorLevel: 'WARNING', errorDescription: why, errorReferences: refs });
      };
      switch (action.actionType) {
        case 'cancelOrder':
          if (!this.busy && !this.nodes.length) failWith('noOrderToCancel', 'cancelOrder: the vehicle has no order to cancel');
          else this.startCancel(state);
          break;
        case 'startPause':
          this.paused = true;
          this.holdIssued = false;
          break;
        case 'stopPause':
          this.paused = false;
          this.issuedTarget = -1;
          break;
        case 'stateRequest':
          this.wantsState = true;
          break;
        case 'factsheetRequest':
          this.wantsFactsheet = true;
          break;
        case 'initPosition': {
          const check = checkInitPosition(action, this.frame, this.busy || this.nodes.length > 0 || this.relocating !== null);
          if (!check.ok) failWith('instantActionError', `initPosition: ${check.why}`);
          else {
            state.actionStatus = 'RUNNING';
            this.relocating = new InitPositionRun(state, check.node, check.thetaRad);
            this.relocationFailed = (why) => failWith('instantActionError', why);
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
    this.changed = true;
  }

  private startCancel(state: ActionState): void {
    state.actionStatus = 'RUNNING';
    this.cancel = state;
    this.holdIssued = false;
    for (const s of this.orderActionStates) {
      if (s.actionStatus === 'WAITING') {
        s.actionStatus = 'FAILED';
        s.resultDescription = 'cancelled by cancelOrder';
      }
    }
    this.pending = [];
  }

  /** An accepted `initPosition`: relocate once, then finish (new `lastNodeId`) or fail. */
  private stepRelocating(r: RobotObservation): RobotCommand | null {
    const run = this.relocating!;
    const command = run.command(this.robot);
    if (command) return command;
    const progress = run.progress(r);
    if (progress === 'waiting') return null;
    this.relocating = null;
    this.changed = true;
    if (progress === 'refused') {
      this.relocationFailed?.(`initPosition to ${run.nodeId}: the simulator refused to relocate the robot (it is moving, or another robot stands there)`);
      return null;
    }
    run.state.actionStatus = 'FINISHED';
    this.lastNodeId = run.nodeId;
    this.lastRoadNode = run.node;
    return null;
  }

  private stepCancel(r: RobotObservation): RobotCommand | null {
    const cmd = this.holdOnce();
    if (Math.abs(r.speedMps) > STILL_MPS) return cmd;
    this.nodes = [];
    this.edges = [];
    this.runIndex = 0;
    this.cancel!.actionStatus = 'FINISHED';
    if (!this.completionCounted) this.tally.ordersCancelled += 1;
    this.completionCounted = true;
    this.cancel = null;
    this.issuedTarget = -1;
    this.changed = true;
    return cmd;
  }

  // --- driving --------------------------------------------------------------------------------

  /** Marks order nodes reached as the robot's centre enters their cell; queues their actions. */
  private trackProgress(r: RobotObservation): void {
    while (this.edges.length > 0 && this.edges[0]!.edge.released && this.pending.length === 0) {
      const run = this.edges[0]!.run;
      for (let look = this.runIndex; look < run.length && look < this.runIndex + 3; look++) {
        if (run[look] === r.node) {
          this.runIndex = look + 1;
          break;
        }
      }
      if (this.runIndex < run.length) return;
      const edge = this.edges.shift()!;
      const reached = this.nodes.shift()!;
      this.runIndex = 0;
      this.lastNodeId = reached.node.nodeId;
      this.lastRoadNode = reached.roadNode;
      this.lastNodeSequenceId = reached.node.sequenceId;
      this.pending = [...reached.node.actions];
      for (const a of edge.edge.actions) this.setStatus(a.actionId, 'FINISHED');
      this.changed = true;
    }
  }

  /**
   * Follows the released base up to the first node with actions (or the base's end), no faster
   * than the lowest `maxSpeed` of the edges on the way there.
   */
  private drive(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    const path: number[] = [];
    let capMps = Infinity;
    for (let k = 0; k < this.edges.length; k++) {
      const e = this.edges[k]!;
      if (!e.edge.released) break;
      path.push(...(k === 0 ? e.run.slice(this.runIndex) : e.run));
      if (e.edge.maxSpeed !== undefined && e.edge.maxSpeed > 0) capMps = Math.min(capMps, e.edge.maxSpeed);
      if (this.nodes[k]!.node.actions.length > 0) break;
    }
    if (path.length === 0) return null;
    const target = path[path.length - 1]!;
    const stalled = r.mode === 'hold' && obs.tick - this.issuedTick >= 3 * obs.controlEvery;
    if (target === this.issuedTarget && capMps === this.issuedCapMps && !stalled) return null;
    this.issuedTarget = target;
    this.issuedCapMps = capMps;
    this.issuedTick = obs.tick;
    this.holdIssued = false;
    const continues = r.mode === 'follow' && r.route.length > 0 && r.route[0] === path[0];
    const startsHere = path[0] === r.node || hasRoadEdge(obs.roadmap, r.node, path[0]!);
    const command = follow(this.robot, continues || startsHere ? path : [r.node, ...path]);
    return Number.isFinite(capMps) ? { ...(command as Extract<RobotCommand, { kind: 'follow' }>), maxSpeedMps: capMps } : command;
  }

  /** Brings a robot that stopped off its node's centre (a pause) back onto it. */
  private settleOnNode(r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    if (r.mode !== 'hold' || Math.abs(r.speedMps) > STILL_MPS || r.node < 0 || obs.tick - this.issuedTick < 3 * obs.controlEvery) return null;
    this.issuedTick = obs.tick;
    this.issuedTarget = r.node;
    return follow(this.robot, [r.node]);
  }

  private holdOnce(): RobotCommand | null {
    if (this.holdIssued) return null;
    this.holdIssued = true;
    this.issuedTarget = -1;
    return hold(this.robot);
  }

  // --- node actions ---------------------------------------------------------------------------

  private startAction(action: VdaAction, r: RobotObservation, obs: FleetObservation): RobotCommand | null {
    const why = refusal(action.actionType, r, obs);
    if (why) {
      this.failAction(action, why, obs.tick);
      return null;
    }
    const state = this.setStatus(action.actionId, 'RUNNING');
    this.running = { action, state: state ?? waiting(action), startedTick: obs.tick, sawBusy: false };
    this.issuedTarget = -1;
    return actionCommand(action.actionType, this.robot);
  }

  private pollRunning(r: RobotObservation, obs: FleetObservation): void {
    const run = this.running!;
    const busyMode = busyModeOf(run.action.actionType);
    if (busyMode && r.mode === busyMode) run.sawBusy = true;
    const done = actionDone(run.action.actionType, r);
    if (done) {
      this.tally.actionsFinished += 1;
      this.setStatus(run.action.actionId, 'FINISHED');
      this.running = null;
      this.changed = true;
      return;
    }
    if (!run.sawBusy && obs.tick - run.startedTick > ACTION_START_CONTROL_TICKS * obs.controlEvery) {
      this.running = null;
      this.failAction(run.action, `${run.action.actionType} was refused by the robot (mode ${r.mode})`, obs.tick);
    }
  }

  private failAction(action: VdaAction, why: string, tick: number): void {
    this.tally.actionsFailed += 1;
    const s = this.setStatus(action.actionId, 'FAILED');
    if (s) s.resultDescription = why;
    this.report(tick, {
      errorType: 'orderActionError',
      errorLevel: 'WARNING',
      errorDescription: `action ${action.actionId} (${action.actionType}) failed: ${why}`,
      errorReferences: [
        { referenceKey: 'orderId', referenceValue: this.orderId },
        { referenceKey: 'actionId', referenceValue: action.actionId },
        { referenceKey: 'actionType', referenceValue: action.actionType },
      ],
    });
  }

  private setStatus(actionId: string, status: ActionState['actionStatus']): ActionState | undefined {
    const s = this.orderActionStates.find((a) => a.actionId === actionId);
    if (s) s.actionStatus = status;
    this.changed = true;
    return s;
  }

  private report(tick: number, error: VdaError): void {
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

function waiting(action: VdaAction): ActionState {
  return { actionId: action.actionId, actionType: action.actionType, actionStatus: 'WAITING' };
}

function viewOf(r: RobotObservation): RobotView {
  return {
    x: r.x,
    z: r.z,
    headingX: r.headingX,
    headingZ: r.headingZ,
    speedMps: r.speedMps,
    node: r.node,
    atNode: r.atNode,
    mode: r.mode,
    carrying: r.carrying,
    batteryWh: r.batteryWh,
    blockedSec: r.blockedSec,
  };
}
