import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import { replayVdaSession } from '../../bench/vda5050/session-replay.ts';
import { runVdaSession, type SessionReadyInfo } from '../../bench/vda5050/vda-session.ts';
import { MapRouter, orderAlong } from './map-router.ts';
import { MessageTap, waitFor } from './message-tap.ts';

/** A small seeded generator (mulberry32), so the fuzz is the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, any>;
interface Mutant {
  topic: 'order' | 'instantActions';
  payload: string;
  /** The VDA error type the vehicle must report. */
  expect: string;
}

const SCENARIO = 'warehouse/g2p-small';

describe('VDA 5050: bad messages never crash anything (fuzz)', () => {
  it('≥200 mutated messages (malformed JSON, schema-invalid, unknown nodes, skipped nodes, wrong orderUpdateId, unsupported actions …) each give one error of the right type in state; the vehicle then drives a valid order; the session replays', async () => {
    const spec = findScenario(SCENARIO)!;
    const router = new MapRouter(exportMapJson(compileScenario(spec, hostCatalog)));
    const abort = new AbortController();
    let ready: SessionReadyInfo | null = null;
    const errorLines: string[] = [];
    const session = runVdaSession({
      spec,
      scenarioName: SCENARIO,
      speed: 4,
      port: 0,
      wsPort: null,
      onReady: (i) => void (ready = i),
      signal: abort.signal,
      log: (l) => l.startsWith('vda.error') && errorLines.push(l),
    });
    let failed: unknown = null;
    session.catch((e) => (failed = e));
    await waitFor('the session', () => ready !== null || failed !== null);
    if (failed) throw failed;
    const info = ready as unknown as SessionReadyInfo;
    const tap = await MessageTap.open(info.brokerUrl, `${info.interfaceName}/v2/${info.manufacturer}`, '2.0.0');
    const client = await connectAsync(info.brokerUrl, { clientId: `fuzz-${process.pid}` });
    try {
      const start = router.nodeAtCell(9, 2);
      const vehicle = info.vehicles.find((v) => v.nodeId === start)!;
      const topic = (t: string) => `${info.interfaceName}/v2/${info.manufacturer}/${vehicle.serialNumber}/${t}`;
      let headerId = 0;
      const header = () => ({
        headerId: headerId++,
        timestamp: new Date().toISOString(),
        version: '2.0.0',
        manufacturer: info.manufacturer,
        serialNumber: vehicle.serialNumber,
      });
      const send = async (t: 'order' | 'instantActions', payload: string) => client.publishAsync(topic(t), payload, { qos: 1 });
      await waitFor('the vehicle online', () => tap.states.has(vehicle.serialNumber));

      // An accepted one-node order F (update 5): later updates of F with a lower id must be refused.
      await send('order', JSON.stringify({ ...header(), orderId: 'F', orderUpdateId: 5, ...orderAlong([start], []) }));
      await waitFor('order F accepted', () => tap.states.get(vehicle.serialNumber)?.orderId === 'F');

      const route = [start, router.nodeAtCell(10, 2), router.nodeAtCell(11, 2), router.nodeAtCell(12, 2)];
      const valid = (orderId: string): Json => ({
        ...header(),
        orderId,
        orderUpdateId: 0,
        ...orderAlong(route, [{ at: route[3]!, actionType: 'drop', actionId: `${orderId}-x` }]),
      });
      const rnd = seeded(20261206);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
      const required = ['headerId', 'timestamp', 'version', 'manufacturer', 'serialNumber', 'orderId', 'orderUpdateId', 'nodes', 'edges'];
      const wrongType: Record<string, unknown[]> = {
        headerId: ['1', 1.5, null],
        timestamp: [12, 'yesterday'],
        version: [2],
        orderId: [7, null],
        orderUpdateId: [-1, 'x', 1.5],
        nodes: [{}, 'n1', [1]],
        edges: [{}, [null]],
        manufacturer: [false],
        serialNumber: [[]],
      };
      const mutations: Array<() => Mutant> = [
        () => {
          const text = JSON.stringify(valid('T'));
          return { topic: 'order', payload: text.slice(0, 1 + Math.floor(rnd() * (text.length - 2))), expect: 'validationError' };
        },
        () => ({
          topic: pick(['order', 'instantActions'] as const),
          payload: pick(['', 'null', '42', '[]', '"order"', '{"a":', 'true', '{}']),
          expect: 'validationError',
        }),
        () => {
          const m = valid('R');
          delete m[pick(required)];
          return { topic: 'order', payload: JSON.stringify(m), expect: 'validationError' };
        },
        () => {
          const m = valid('W');
          const field = pick(Object.keys(wrongType));
          m[field] = pick(wrongType[field]!);
          return { topic: 'order', payload: JSON.stringify(m), expect: 'validationError' };
        },
        () => {
          const m = valid('N');
          delete m.nodes[Math.floor(rnd() * m.nodes.length)][pick(['nodeId', 'sequenceId', 'released', 'actions'])];
          return { topic: 'order', payload: JSON.stringify(m), expect: 'validationError' };
        },
        () => {
          const m = valid('U');
          const k = 1 + Math.floor(rnd() * 3);
          const unknown = `n${100000 + Math.floor(rnd() * 1000)}`;
          m.nodes[k].nodeId = unknown;
          m.edges[k - 1].endNodeId = unknown;
          if (m.edges[k]) m.edges[k].startNodeId = unknown;
          return { topic: 'order', payload: JSON.stringify(m), expect: 'noRouteError' };
        },
        () => {
          const m = valid('S');
          const k = Math.floor(rnd() * m.edges.length);
          m.edges[k].sequenceId += 2;
          return { topic: 'order', payload: JSON.stringify(m), expect: 'orderError' };
        },
        () => {
          const m = valid('K');
          // An edge that skips across the layout: node 1 is off node 0's row and column.
          const off = router.nodeAtCell(10 + Math.floor(rnd() * 3), 4 + Math.floor(rnd() * 2));
          m.nodes[1].nodeId = off;
          m.edges[0].endNodeId = off;
          m.edges[1].startNodeId = off;
          return { topic: 'order', payload: JSON.stringify(m), expect: 'noRouteError' };
        },
        () => ({ topic: 'order', payload: JSON.stringify({ ...valid('F'), orderId: 'F', orderUpdateId: Math.floor(rnd() * 5) }), expect: 'orderUpdateError' }),
        () => {
          const m: Json = { ...valid('F'), orderId: 'F', orderUpdateId: 6 };
          m.nodes = orderAlong(route.slice(1), []).nodes;
          m.edges = orderAlong(route.slice(1), []).edges;
          return { topic: 'order', payload: JSON.stringify(m), expect: 'orderUpdateError' };
        },
        () => {
          const m = valid('A');
          m.nodes[3].actions[0].actionType = pick(['dance', 'lift', 'weigh', 'detectObject']);
          return { topic: 'order', payload: JSON.stringify(m), expect: 'orderActionError' };
        },
        () => ({ topic: 'order', payload: JSON.stringify({ ...valid('X'), serialNumber: 'someone-else' }), expect: 'validationError' }),
        () => {
          const m = valid('M');
          m.nodes[1].nodePosition = pick([
            { x: 10.5, y: 19.5, mapId: 'another-map' },
            { x: 1000, y: -50, mapId: info.mapId },
          ]);
          return { topic: 'order', payload: JSON.stringify(m), expect: 'noRouteError' };
        },
        () => {
          const m = valid('H');
          m.nodes[3].released = false;
          return { topic: 'order', payload: JSON.stringify(m), expect: 'orderError' };
        },
        () => {
          const far = router.nodeAtCell(20 + Math.floor(rnd() * 8), 2);
          return {
            topic: 'order',
            payload: JSON.stringify({ ...header(), orderId: 'Z', orderUpdateId: 0, ...orderAlong([far, router.nodeAtCell(19, 2)], []) }),
            expect: 'noRouteError',
          };
        },
        () => ({
          topic: 'instantActions',
          payload: JSON.stringify({
            ...header(),
            actions: [{ actionId: `i${rnd()}`, actionType: pick(['dance', 'initPosition', 'pick']), blockingType: 'HARD' }],
          }),
          expect: 'instantActionError',
        }),
        () => ({
          topic: 'instantActions',
          payload: JSON.stringify({ ...header(), actions: [{ actionId: `c${rnd()}`, actionType: 'cancelOrder', blockingType: 'HARD' }] }),
          expect: 'noOrderToCancel',
        }),
        () => ({
          topic: 'instantActions',
          payload: JSON.stringify({ ...header(), actions: [{ actionId: `b${rnd()}`, actionType: 'startPause', blockingType: pick(['SOMETIMES', 3, null]) }] }),
          expect: 'validationError',
        }),
      ];
      const sent: Mutant[] = [];
      for (let k = 0; k < 216; k++) sent.push(mutations[k % mutations.length]!());
      for (const m of sent) await send(m.topic, m.payload);
      await waitFor(`${sent.length} errors`, () => errorLines.length >= sent.length);
      // The state names the errors with references the spec defines.
      await waitFor('a state with errors', () => (tap.states.get(vehicle.serialNumber)?.errors.length ?? 0) > 0);
      const errorState = tap.states.get(vehicle.serialNumber)!;
      for (const e of errorState.errors) expect(e.errorReferences.length).toBeGreaterThan(0);

      // Still alive: a valid order with a drop of nothing is driven (the drop fails: nothing carried).
      await send('order', JSON.stringify(valid('OK')));
      await waitFor('the valid order driven', () => {
        const s = tap.states.get(vehicle.serialNumber);
        return (
          s?.orderId === 'OK' &&
          s.nodeStates.length === 0 &&
          s.lastNodeId === route[3] &&
          s.actionStates.some((a: Json) => a.actionId === 'OK-x' && a.actionStatus === 'FAILED')
        );
      });
      abort.abort();
      const result = await session;
      expect(tap.invalid).toEqual([]);
      const expected: Record<string, number> = {};
      for (const m of sent) expected[m.expect] = (expected[m.expect] ?? 0) + 1;
      expected.orderActionError = (expected.orderActionError ?? 0) + 1; // the drop of nothing
      expect(result.vda.errorsByType).toEqual(expected);
      expect(result.vda.errors).toBe(sent.length + 1);
      expect(result.vda.messagesIn).toBe(sent.length + 2);
      expect(result.vda.ordersAccepted).toBe(2);
      const replay = await replayVdaSession(result.recording);
      expect(replay.hash).toBe(result.hash);
    } finally {
      abort.abort();
      await session.catch(() => {});
      await client.endAsync();
      await tap.close();
    }
  }, 300_000);
});
