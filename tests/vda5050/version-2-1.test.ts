import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { runVdaSession, type SessionReadyInfo } from '../../bench/vda5050/vda-session.ts';
import { orderAlong } from './map-router.ts';
import { MessageTap, waitFor } from './message-tap.ts';

describe('VDA 5050 2.1 (--vda-version 2.1.0)', () => {
  it('vehicles speak 2.1: a 2.1 order (with a corridor) is driven, and everything published validates against the 2.1 schemas', async () => {
    const abort = new AbortController();
    let ready: SessionReadyInfo | null = null;
    const session = runVdaSession({
      spec: findScenario('warehouse/g2p-small')!,
      scenarioName: 'warehouse/g2p-small',
      speed: 4,
      port: 0,
      wsPort: null,
      version: '2.1.0',
      onReady: (i) => void (ready = i),
      signal: abort.signal,
    });
    let failed: unknown = null;
    session.catch((e) => (failed = e));
    await waitFor('the session', () => ready !== null || failed !== null);
    if (failed) throw failed;
    const info = ready as unknown as SessionReadyInfo;
    const tap = await MessageTap.open(info.brokerUrl, 'uagv/v2/Testfield', '2.1.0');
    const client = await connectAsync(info.brokerUrl, { clientId: `v21-${process.pid}` });
    try {
      const serial = 'shelf-lifter-019';
      await waitFor('the vehicle', () => tap.states.has(serial));
      const state = tap.states.get(serial)!;
      expect(state.version).toBe('2.1.0');
      const from = String(state.lastNodeId);
      const to = `n${Number(from.slice(1)) + 2}`;
      const body = orderAlong([from, to], []);
      const edges = body.edges.map((e) => ({ ...e, corridor: { leftWidth: 0.5, rightWidth: 0.5 } }));
      await client.publishAsync(
        `uagv/v2/Testfield/${serial}/order`,
        JSON.stringify({
          headerId: 0,
          timestamp: new Date().toISOString(),
          version: '2.1.0',
          manufacturer: 'Testfield',
          serialNumber: serial,
          orderId: 'v21',
          orderUpdateId: 0,
          nodes: body.nodes,
          edges,
        }),
        { qos: 1 },
      );
      await waitFor('the 2.1 order driven', () => {
        const s = tap.states.get(serial);
        return s?.orderId === 'v21' && s.lastNodeId === to && s.nodeStates.length === 0;
      });
      await waitFor('visualization from every vehicle', () => (tap.counts.get('visualization') ?? 0) >= 2 * info.vehicles.length);
      abort.abort();
      const result = await session;
      expect(result.vda.errors).toBe(0);
      expect(result.vda.ordersCompleted).toBe(1);
      await waitFor('the factsheets at the end', () => (tap.counts.get('factsheet') ?? 0) >= info.vehicles.length, 30_000);
      expect(tap.invalid).toEqual([]);
    } finally {
      abort.abort();
      await session.catch(() => {});
      await client.endAsync();
      await tap.close();
    }
  }, 300_000);
});
