import { percentile, type Kpis, type ScenarioSpecInput, type SimModel } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import type { AppliedMessage, FleetIdentity } from './vda-fleet-controller.ts';
import type { VdaIssue, VehicleAgent } from './vehicle-agent.ts';

/** A recorded session: every applied message with its tick, enough to re-simulate it exactly. */
export interface VdaRecording {
  format: 'testfield-vda5050-session';
  version: 1;
  scenario: string;
  spec: ScenarioSpecInput;
  seed: number;
  /** The `mapId` the vehicles used. */
  mapId: string;
  identity: FleetIdentity;
  /** Tick the session stopped at. */
  endTick: number;
  /** State hash at `endTick`. */
  hash: string;
  messages: AppliedMessage[];
}

/** The VDA 5050 side of a session's KPIs. */
export interface VdaKpis {
  messagesIn: number;
  messagesOut: number;
  /** (in + out) per wall second. */
  messagesPerSec: number;
  ordersAccepted: number;
  ordersCompleted: number;
  /** Completed orders per simulated hour. */
  ordersPerHour: number;
  ordersCancelled: number;
  updatesAccepted: number;
  actionsFinished: number;
  actionsFailed: number;
  errors: number;
  errorsByType: Record<string, number>;
  /** Wall milliseconds from an order's arrival to its robot's first motion. */
  orderToMotionP50Ms: number;
  orderToMotionP95Ms: number;
  orderToMotionSamples: number;
  /** Most ticks the sim ran behind the wall clock (0: it kept pace). */
  lagTicksMax: number;
}

/** What `vda5050` prints and writes with `--json`. */
export interface VdaSessionResult {
  scenario: string;
  mapId: string;
  seed: number;
  speed: number;
  robots: number;
  ticks: number;
  simulatedSec: number;
  wallSec: number;
  hash: string;
  vda: VdaKpis;
  contacts: number;
  /** CPU seconds of the whole process while paced, and the wall seconds spent inside simulation ticks (the rest of the loop: MQTT, JSON, validation). */
  cpu: { processSec: number; simTickWallSec: number };
  kpis: Kpis;
  /** The first 200 VDA errors as Testfield events. */
  issues: VdaIssue[];
  /** Every applied message with its tick (empty messages when the session ran with `record: false`). */
  recording: VdaRecording;
}

/** Folds a finished session into its result. */
export function sessionKpis(s: {
  scenario: string;
  model: SimModel;
  seed: number;
  speed: number;
  tick: number;
  hash: string;
  kpis: Kpis;
  wallSec: number;
  agents: readonly VehicleAgent[];
  issues: VdaIssue[];
  errorsByType: Record<string, number>;
  latenciesMs: number[];
  messagesIn: number;
  messagesOut: number;
  lagTicks: number;
  contacts: number;
  cpu: { processSec: number; simTickWallSec: number };
  messages: AppliedMessage[];
  identity: FleetIdentity;
  spec: ScenarioSpecInput;
}): VdaSessionResult {
  const sum = (key: keyof VehicleAgent['tally']) => s.agents.reduce((n, a) => n + a.tally[key], 0);
  const errorsByType = { ...s.errorsByType };
  const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    scenario: s.scenario,
    mapId: s.model.id,
    seed: s.seed,
    speed: s.speed,
    robots: robotRows.things(s.model).length,
    ticks: s.tick,
    simulatedSec: round(s.tick / s.model.hz, 2),
    wallSec: round(s.wallSec, 2),
    hash: s.hash,
    vda: {
      messagesIn: s.messagesIn,
      messagesOut: s.messagesOut,
      messagesPerSec: round((s.messagesIn + s.messagesOut) / Math.max(s.wallSec, 1e-9)),
      ordersAccepted: sum('ordersAccepted'),
      ordersCompleted: sum('ordersCompleted'),
      ordersPerHour: round((3600 * sum('ordersCompleted')) / Math.max(s.tick / s.model.hz, 1e-9)),
      ordersCancelled: sum('ordersCancelled'),
      updatesAccepted: sum('updatesAccepted'),
      actionsFinished: sum('actionsFinished'),
      actionsFailed: sum('actionsFailed'),
      errors: Object.values(errorsByType).reduce((a, b) => a + b, 0),
      errorsByType,
      orderToMotionP50Ms: round(percentile(s.latenciesMs, 50)),
      orderToMotionP95Ms: round(percentile(s.latenciesMs, 95)),
      orderToMotionSamples: s.latenciesMs.length,
      lagTicksMax: s.lagTicks,
    },
    contacts: s.contacts,
    cpu: { processSec: round(s.cpu.processSec, 2), simTickWallSec: round(s.cpu.simTickWallSec, 2) },
    kpis: s.kpis,
    issues: s.issues,
    recording: {
      format: 'testfield-vda5050-session',
      version: 1,
      scenario: s.scenario,
      spec: s.spec,
      seed: s.seed,
      mapId: s.model.id,
      identity: s.identity,
      endTick: s.tick,
      hash: s.hash,
      messages: s.messages,
    },
  };
}

/** The human summary of a session, one fact a line. */
export function formatSessionSummary(r: VdaSessionResult): string {
  const v = r.vda;
  const errors =
    Object.entries(v.errorsByType)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ') || 'none';
  return [
    `scenario ${r.scenario} (map ${r.mapId}), seed ${r.seed}, ${r.robots} vehicles, ×${r.speed}`,
    `simulated ${r.simulatedSec} s in ${r.wallSec} s wall (${r.ticks} ticks${v.lagTicksMax > 0 ? `, fell behind the wall clock by up to ${v.lagTicksMax} ticks` : ''})`,
    `messages: ${v.messagesIn} in, ${v.messagesOut} out, ${v.messagesPerSec}/s`,
    `orders: ${v.ordersAccepted} accepted, ${v.ordersCompleted} completed (${v.ordersPerHour}/h), ${v.ordersCancelled} cancelled, ${v.updatesAccepted} updates; actions ${v.actionsFinished} finished, ${v.actionsFailed} failed`,
    `order → first motion (wall): p50 ${v.orderToMotionP50Ms} ms, p95 ${v.orderToMotionP95Ms} ms over ${v.orderToMotionSamples} orders`,
    `VDA errors: ${v.errors} (${errors})`,
    `CPU: ${r.cpu.processSec} s in ${r.wallSec} s wall (${Math.round((100 * r.cpu.processSec) / Math.max(r.wallSec, 1e-9))} % of one core); wall time inside sim ticks ${r.cpu.simTickWallSec} s`,
    `contacts ${r.contacts}, collisions ${r.kpis.collisions.total}, deadlocks ${r.kpis.deadlocks}, commands rejected ${r.kpis.commandsRejected}`,
    `state hash ${r.hash} (replay with: vda5050 replay <recording.json>)`,
  ].join('\n');
}
