import { setTimeout as sleep } from 'node:timers/promises';
import { robotRows } from '../../sim/index.ts';
import { loadRows } from '../../sim/index.ts';
import { hostCatalog } from '../../robots/index.ts';
import { compileScenario, frameLayout, SimHost, specAsRun, type ScenarioSpecInput, type SimEvent } from '../../sim/index.ts';
import { LIVE_FORMAT, LIVE_VERSION, liveTopicRoot } from '../../web/live/live-wire.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker.ts';
import { connectionBody, factsheetBody, stateBody, visualizationBody, type OutgoingHeader } from './outgoing-messages.ts';
import type { SchemaVersion } from './schema-validator.ts';
import { sessionKpis, type VdaSessionResult } from './session-kpis.ts';
import { VdaFleetController } from './vda-fleet-controller.ts';
import type { VdaIssue } from './vehicle-agent.ts';
import { VehicleLink } from './vehicle-link.ts';
import { LiveFeed } from './live-feed.ts';

/** VDA errors kept as events in the result (all are counted). */
const KEEP_ISSUES = 200;

/** What a VDA 5050 session runs and how. */
export interface VdaSessionOptions {
  /** The scenario (a registered spec or a parsed file) and how the command named it. */
  spec: ScenarioSpecInput;
  scenarioName: string;
  seed?: number;
  /** Simulated seconds per wall second. */
  speed: number;
  /** An existing broker (`mqtt://…`, `ws://…`); the embedded one when absent. */
  brokerUrl?: string;
  /** Ports of the embedded broker (0 = any free port). */
  port?: number;
  wsPort?: number | null;
  /** Stop after this many wall seconds; at the scenario's horizon otherwise. */
  durationSec?: number;
  interfaceName?: string;
  manufacturer?: string;
  /** VDA 5050 version the vehicles speak and stamp on what they publish. */
  version?: SchemaVersion;
  /** A state message at least this often per vehicle, wall seconds (besides every change). */
  stateEverySec?: number;
  /** Visualization messages per vehicle per wall second (0: none; default 1). */
  visualizationHz?: number;
  /** Progress lines (broker URL, errors); silent when absent. */
  log?: (line: string) => void;
  /**
   * Called once every vehicle is online (connection published), with where to find them; the
   * session awaits it, then publishes every vehicle's first state and factsheet and starts the clock.
   */
  onReady?: (info: SessionReadyInfo) => void | Promise<void>;
  /** Keep the recording (every applied message); default true. Off for long load runs: it grows with every message. */
  record?: boolean;
  /** Stops the session at the next loop turn. */
  signal?: AbortSignal;
  /** Pose frames per wall second on the live feed the page follows (`<liveTopic>/frame`); 0: no feed. Default 30. */
  liveHz?: number;
  /** Topic root of the live feed; default `testfield/live/<manufacturer>`. */
  liveTopic?: string;
}

/** Where a running session's vehicles are. */
export interface SessionReadyInfo {
  brokerUrl: string;
  wsUrl: string;
  interfaceName: string;
  manufacturer: string;
  mapId: string;
  vehicles: Array<{ robot: number; serialNumber: string; nodeId: string }>;
  /** Topic root of the live feed the page follows, or null without one. */
  liveTopic: string | null;
}

/** Serial number of robot `i`: its model id and index, e.g. `shelf-lifter-007`. */
export function serialNumberOf(modelId: string, robot: number): string {
  return `${modelId}-${String(robot).padStart(3, '0')}`;
}

/**
 * Runs a VDA 5050 session: the scenario paced to wall-clock × `speed`, one vehicle per robot on
 * the broker, until the horizon, `durationSec` or the signal. Messages are applied at control
 * ticks and recorded with their tick (the result's `messages`), so {@link replayVdaSession}
 * re-simulates it exactly. Resolves with the KPIs, the state hash and the recording.
 */
export async function runVdaSession(options: VdaSessionOptions): Promise<VdaSessionResult> {
  const log = options.log ?? (() => {});
  const interfaceName = options.interfaceName ?? 'uagv';
  const manufacturer = options.manufacturer ?? 'Testfield';
  const version = options.version ?? '2.0.0';
  const stateEveryMs = (options.stateEverySec ?? 5) * 1000;
  const visualizationHz = options.visualizationHz ?? 1;
  const visualizationEveryMs = visualizationHz > 0 ? 1000 / visualizationHz : Infinity;
  const host = await SimHost.create(hostCatalog, () => performance.now());
  const compiled = compileScenario(options.spec, hostCatalog);
  const seed = options.seed ?? compiled.spec.seed;
  const serialNumbers = robotRows.things(compiled).map((r) => serialNumberOf(r.model.id, r.id));
  const controller = new VdaFleetController({ manufacturer, serialNumbers, schemaVersion: version }, compiled.id, undefined, options.record ?? true);
  host.load({ spec: options.spec, controller, seed });
  const model = host.model;
  host.advance(1); // the first control tick: the vehicles take their robots' places
  const frame = controller.frame!;
  const loadKinds = loadRows.things(model).map((l) => l.kind);
  let broker: EmbeddedBroker | null = null;
  const links: VehicleLink[] = [];
  let live: LiveFeed | null = null;
  const liveHz = options.liveHz ?? 30;
  /** The first {@link KEEP_ISSUES} VDA errors as events; all of them counted by type. */
  const issues: VdaIssue[] = [];
  const errorsByType: Record<string, number> = {};
  const latenciesMs: number[] = [];
  let messagesIn = 0;
  const events = { contacts: 0, deadlocks: 0 };
  /** Wall time the paced run started (after the broker and the vehicles came up). */
  let wallStart = performance.now();
  let lagTicks = 0;
  let cpuStart = process.cpuUsage();
  let simMsStart = 0;
  try {
    broker = options.brokerUrl ? null : await startEmbeddedBroker(options.port ?? 0, options.wsPort === undefined ? 0 : options.wsPort);
    const brokerUrl = options.brokerUrl ?? broker!.url;
    for (const agent of controller.agents) {
      const base = { interfaceName, majorVersion: `v${version.split('.')[0]}`, manufacturer, serialNumber: agent.serialNumber };
      const link = await VehicleLink.open(brokerUrl, base, version, (topic, payload) => {
        messagesIn += 1;
        controller.inbox.push({ robot: agent.robot, topic, payload, tag: performance.now() });
      });
      links.push(link);
    }
    if (liveHz > 0) {
      const scene = {
        format: LIVE_FORMAT,
        version: LIVE_VERSION,
        scenarioName: options.scenarioName,
        spec: specAsRun(model),
        seed,
        hz: model.hz,
        sections: frameLayout(model).map((s) => ({ ...s, fields: [...s.fields] })),
      } as const;
      live = await LiveFeed.open(brokerUrl, options.liveTopic ?? liveTopicRoot(manufacturer), scene, liveHz);
    }
    const headerOf = (i: number): OutgoingHeader => ({ version, manufacturer, serialNumber: serialNumbers[i]! });
    const robotModels = robotRows.things(model).map((r) => r.model);
    const lastState = new Float64Array(links.length).fill(-Infinity);
    const lastVisual = new Float64Array(links.length).fill(-Infinity);
    const publishDue = (now: number, force: boolean) => {
      for (let i = 0; i < links.length; i++) {
        const agent = controller.agents[i]!;
        const link = links[i]!;
        if (force || agent.changed || agent.wantsState || now - lastState[i]! >= stateEveryMs) {
          link.publish('state', stateBody(headerOf(i), frame, agent, robotModels[i]!, loadKinds));
          agent.changed = false;
          agent.wantsState = false;
          lastState[i] = now;
        }
        if (force || agent.wantsFactsheet) {
          link.publish('factsheet', factsheetBody(headerOf(i), robotModels[i]!));
          agent.wantsFactsheet = false;
        }
        if (now - lastVisual[i]! >= visualizationEveryMs) {
          link.publish('visualization', visualizationBody(headerOf(i), frame, agent));
          lastVisual[i] = now;
        }
      }
    };
    for (let i = 0; i < links.length; i++) links[i]!.publish('connection', connectionBody(headerOf(i), 'ONLINE'), { retain: true, qos: 1 });
    const ready: SessionReadyInfo = {
      brokerUrl,
      wsUrl: broker?.wsUrl ?? '',
      interfaceName,
      manufacturer,
      mapId: model.id,
      vehicles: controller.agents.map((a) => ({ robot: a.robot, serialNumber: a.serialNumber, nodeId: a.lastNodeId })),
      liveTopic: live?.root ?? null,
    };
    log(
      `VDA 5050 ${version}: ${links.length} vehicles of ${manufacturer} on ${brokerUrl}${ready.wsUrl ? ` (WebSocket ${ready.wsUrl})` : ''}, topics ${interfaceName}/v${version.split('.')[0]}/${manufacturer}/<serialNumber>/…, map ${model.id}, ×${options.speed}`,
    );
    // Listeners that subscribe in onReady get the first state, visualization and factsheet too.
    await options.onReady?.(ready);
    publishDue(performance.now(), true);
    live?.offer(
      performance.now(),
      () => host.frame(),
      () => host.kpis(),
      true,
    );

    const hz = model.hz;
    const tickMs = 1000 / (hz * options.speed);
    const t0 = performance.now();
    wallStart = t0;
    cpuStart = process.cpuUsage();
    simMsStart = host.timing.totalMs;
    const tick0 = host.tick;
    // Never advance more than half a wall second of sim in one go: a slow spell runs late, it does not jump.
    const maxChunk = Math.max(1, Math.ceil((hz * options.speed) / 2));
    const endMs = options.durationSec !== undefined ? t0 + options.durationSec * 1000 : Infinity;
    const onEvent = (e: SimEvent) => {
      if (e.type === 'contact.began') events.contacts += 1;
      else if (e.type === 'deadlock.detected') events.deadlocks += 1;
    };
    while (!host.done && !options.signal?.aborted) {
      const now = performance.now();
      if (now >= endMs) break;
      const target = tick0 + Math.floor((now - t0) / tickMs);
      if (target > host.tick) {
        const step = Math.min(target - host.tick, maxChunk);
        lagTicks = Math.max(lagTicks, target - host.tick - step);
        const { events: stepEvents } = host.advance(step);
        for (const e of stepEvents) onEvent(e);
        live?.events(stepEvents);
        const after = performance.now();
        for (const agent of controller.agents) {
          for (const m of agent.firstMotions.splice(0)) latenciesMs.push(after - m.tag);
          for (const issue of agent.issues.splice(0)) {
            if (issues.length < KEEP_ISSUES) issues.push(issue);
            errorsByType[issue.errorType] = (errorsByType[issue.errorType] ?? 0) + 1;
            log(`vda.error tick ${issue.tick} ${issue.serialNumber} ${issue.errorType}: ${issue.description}`);
          }
        }
        publishDue(after, false);
        live?.offer(
          after,
          () => host.frame(),
          () => host.kpis(),
        );
      }
      const wait = t0 + (host.tick - tick0 + 1) * tickMs - performance.now();
      await sleep(Math.max(1, Math.min(wait, 50)));
    }
    publishDue(performance.now(), true);
    live?.offer(
      performance.now(),
      () => host.frame(),
      () => host.kpis(),
      true,
    );
  } finally {
    if (live) await live.close(host.tick, host.hash()).catch(() => {});
    await Promise.allSettled(links.map((l) => l.close()));
    await broker?.close();
  }
  const wallSec = (performance.now() - wallStart) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = { processSec: (cpuUsed.user + cpuUsed.system) / 1e6, simTickWallSec: (host.timing.totalMs - simMsStart) / 1000 };
  const result = sessionKpis({
    scenario: options.scenarioName,
    model: host.model,
    seed,
    speed: options.speed,
    tick: host.tick,
    hash: host.hash(),
    kpis: host.kpis(),
    wallSec,
    agents: controller.agents,
    issues,
    errorsByType,
    latenciesMs,
    messagesIn,
    messagesOut: links.reduce((s, l) => s + l.published, 0),
    lagTicks,
    cpu,
    contacts: events.contacts,
    messages: controller.applied,
    identity: { manufacturer, serialNumbers, schemaVersion: version },
    spec: options.spec,
  });
  host.dispose();
  return result;
}
