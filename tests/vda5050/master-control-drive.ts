import { MasterController, type AgvId, type Headerless, type Order } from 'vda-5050-lib';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import type { VdaSessionResult } from '../../bench/vda5050/session-kpis.ts';
import { runVdaSession, type SessionReadyInfo } from '../../bench/vda5050/vda-session.ts';
import { MapRouter, orderAlong } from './map-router.ts';
import { MessageTap, waitFor } from './message-tap.ts';

const SCENARIO = 'warehouse/g2p-small';

/** What a drive by the third-party master control left to check. */
export interface DriveOutcome {
  result: VdaSessionResult;
  /** Schema problems of published messages (must be empty). */
  invalid: string[];
  /** Messages the vehicles published, by topic, as the tap saw them. */
  counts: Map<string, number>;
  /** Per phase, what the master controller reported. */
  processed: Record<string, { error?: string; byCancelation: boolean; active: boolean }>;
  /** Final states of the vehicles driven, by role. */
  finalStates: Record<string, Record<string, any>>;
  /** Positions of the paused vehicle seen while paused (map frame). */
  pausedPositions: Array<{ x: number; y: number }>;
  /** Where the driven vehicles should have ended (map-frame node positions), by role. */
  expectedEnd: Record<string, { x: number; y: number; nodeId: string }>;
  connectionStates: Map<string, string>;
}

interface Processed {
  error?: string;
  byCancelation: boolean;
  active: boolean;
}

/**
 * vda-5050-lib's MasterController drives `warehouse/g2p-small` through a session: pick-and-drop
 * orders to two vehicles at once (one paused and resumed on the way), an order cancelled while
 * driving, an order with a horizon completed by an order update. `brokerUrl` uses that broker;
 * the embedded one otherwise. Every message the vehicles publish is checked by a tap.
 */
export async function driveWithMasterController(brokerUrl?: string, speed = 4): Promise<DriveOutcome> {
  const spec = findScenario(SCENARIO)!;
  const router = new MapRouter(exportMapJson(compileScenario(spec, hostCatalog)));
  const abort = new AbortController();
  let ready: SessionReadyInfo | null = null;
  const session = runVdaSession({
    spec,
    scenarioName: SCENARIO,
    speed,
    ...(brokerUrl ? { brokerUrl } : { port: 0, wsPort: 0 }),
    visualizationHz: 2,
    stateEverySec: 2,
    onReady: (info) => void (ready = info),
    signal: abort.signal,
  });
  let sessionFailed: unknown = null;
  session.catch((e) => (sessionFailed = e));
  await waitFor('the session to be ready', () => ready !== null || sessionFailed !== null);
  if (sessionFailed) throw sessionFailed;
  const info = ready as unknown as SessionReadyInfo;
  const tap = await MessageTap.open(info.brokerUrl, `${info.interfaceName}/v2/${info.manufacturer}`, '2.0.0');
  const mc = new MasterController(
    { interfaceName: info.interfaceName, transport: { brokerUrl: info.brokerUrl }, vdaVersion: '2.0.0' },
    { targetAgvs: { manufacturer: info.manufacturer } },
  );
  await mc.start();
  const processed: DriveOutcome['processed'] = {};
  const pausedPositions: Array<{ x: number; y: number }> = [];
  try {
    const serialAt = (col: number, row: number) => {
      const node = router.nodeAtCell(col, row);
      const v = info.vehicles.find((x) => x.nodeId === node);
      if (!v) throw new Error(`no vehicle starts at ${node}`);
      return v.serialNumber;
    };
    const roles = { a: serialAt(29, 1), b: serialAt(3, 1), c: serialAt(15, 1), d: serialAt(21, 1) };
    await waitFor('a first state from every vehicle', () => info.vehicles.every((v) => tap.states.has(v.serialNumber)));
    const agv = (serialNumber: string): AgvId => ({ manufacturer: info.manufacturer, serialNumber });
    const occupied = (except: string) =>
      new Set(info.vehicles.filter((v) => v.serialNumber !== except).map((v) => String(tap.states.get(v.serialNumber)!.lastNodeId)));
    const loadNodes = new Set(router.map.loads.map((l) => l.nodeId));
    const assign = (role: string, serial: string, order: Headerless<Order>) =>
      new Promise<Processed>((resolve) => {
        void mc.assignOrder(agv(serial), order, {
          onOrderProcessed: (withError, byCancelation, active) => {
            const p: Processed = { byCancelation, active, ...(withError ? { error: `${withError.errorType}: ${withError.errorDescription}` } : {}) };
            processed[role] = p;
            resolve(p);
          },
        });
      });
    const instant = (serial: string, actionType: string, actionId: string) =>
      new Promise<string>((resolve, reject) => {
        void mc.initiateInstantActions(
          agv(serial),
          { instantActions: [{ actionId, actionType, blockingType: 'HARD' as any, actionParameters: [] }] },
          {
            onActionStateChanged: (s) => {
              if (s.actionStatus === 'FINISHED' || s.actionStatus === 'FAILED') resolve(s.actionStatus);
            },
            onActionError: (e) => reject(new Error(`${actionType}: ${e.errorDescription}`)),
          },
        );
      });
    const pickDrop = (serial: string, podCell: [number, number], dropCell: [number, number], tag: string) => {
      const start = String(tap.states.get(serial)!.lastNodeId);
      const pod = router.nodeAtCell(...podCell);
      const drop = router.nodeAtCell(...dropCell);
      const avoid = occupied(serial);
      const toPod = router.route(start, pod, avoid);
      const toDrop = router.route(pod, drop, new Set([...avoid, ...loadNodes]));
      const path = [...toPod, ...toDrop.slice(1)];
      const body = orderAlong(path, [
        { at: pod, actionType: 'pick', actionId: `${tag}-pick` },
        { at: drop, actionType: 'drop', actionId: `${tag}-drop` },
      ]);
      return { order: { orderId: `${tag}-order`, orderUpdateId: 0, ...body } as Headerless<Order>, drop };
    };
    const expectedEnd: DriveOutcome['expectedEnd'] = {};
    const endAt = (role: string, nodeId: string) => (expectedEnd[role] = { nodeId, ...router.position.get(nodeId)! });

    // Phase 1: two vehicles pick and drop at once; B is paused on the way and resumed.
    const a = pickDrop(roles.a, [26, 4], [26, 2], 'A');
    const b = pickDrop(roles.b, [5, 4], [11, 2], 'B');
    endAt('a', a.drop);
    endAt('b', b.drop);
    const doneA = assign('a', roles.a, a.order);
    const doneB = assign('b', roles.b, b.order);
    await waitFor('vehicle B to drive', () => tap.states.get(roles.b)?.driving === true);
    if ((await instant(roles.b, 'startPause', 'B-pause')) !== 'FINISHED') throw new Error('startPause failed');
    await waitFor('vehicle B to stand paused', () => tap.states.get(roles.b)?.paused === true && tap.states.get(roles.b)?.driving === false);
    // Four visualization messages of B while paused: it must not move.
    const seen = tap.positions(roles.b).length;
    await waitFor('visualization while paused', () => tap.positions(roles.b).length >= seen + 4);
    pausedPositions.push(...tap.positions(roles.b).slice(seen));
    if ((await instant(roles.b, 'stopPause', 'B-resume')) !== 'FINISHED') throw new Error('stopPause failed');
    await Promise.all([doneA, doneB]);

    // Phase 2: C is cancelled while driving; D drives a base, waits at its end, and an update releases the rest.
    const cStart = String(tap.states.get(roles.c)!.lastNodeId);
    const cPath = router.route(cStart, router.nodeAtCell(5, 13), occupied(roles.c));
    const doneC = assign('c', roles.c, { orderId: 'C-order', orderUpdateId: 0, ...orderAlong(cPath, []) } as Headerless<Order>);
    const dStart = String(tap.states.get(roles.d)!.lastNodeId);
    const dPath = router.route(dStart, router.nodeAtCell(19, 13), occupied(roles.d));
    const baseNodes = 4;
    const doneD = assign('d', roles.d, { orderId: 'D-order', orderUpdateId: 0, ...orderAlong(dPath, [], { releasedNodes: baseNodes }) } as Headerless<Order>);
    endAt('d', dPath[dPath.length - 1]!);
    await waitFor('vehicle C to drive', () => tap.states.get(roles.c)?.driving === true);
    if ((await instant(roles.c, 'cancelOrder', 'C-cancel')) !== 'FINISHED') throw new Error('cancelOrder failed');
    await doneC;
    const dBase = await doneD;
    if (!dBase.active) throw new Error('the order with a horizon should still be active at the end of its base');
    const updatePath = dPath.slice(baseNodes - 1);
    const doneUpdate = assign('dUpdate', roles.d, {
      orderId: 'D-order',
      orderUpdateId: 1,
      ...orderAlong(updatePath, [], { firstSequenceId: 2 * (baseNodes - 1) }),
    } as Headerless<Order>);
    await doneUpdate;
    await waitFor('final states', () => ['a', 'b', 'd'].every((r) => tap.states.get(roles[r as keyof typeof roles])?.driving === false));
    const finalStates: DriveOutcome['finalStates'] = {};
    for (const [role, serial] of Object.entries(roles)) finalStates[role] = tap.states.get(serial)!;
    abort.abort();
    const result = await session;
    await waitFor('OFFLINE connection messages', () => info.vehicles.every((v) => tap.connections.get(v.serialNumber) === 'OFFLINE'), 30_000);
    return { result, invalid: tap.invalid, counts: tap.counts, processed, finalStates, pausedPositions, expectedEnd, connectionStates: tap.connections };
  } finally {
    abort.abort();
    await session.catch(() => {});
    await mc.stop().catch(() => {});
    await tap.close();
  }
}
