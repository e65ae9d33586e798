/**
 * The page shows a VDA 5050 session live and plays it afterwards (real headless Chromium, real
 * aedes broker over WebSocket, vda-5050-lib's MasterController driving): robots move on the page
 * while the master control drives them, the positions the page draws at a tick equal the headless
 * state at that tick (re-simulated from the session's recording), the page's closing status names
 * the session's hash, and the recording opens in the page as a replay that ends where it ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasterController, type Headerless, type Order } from 'vda-5050-lib';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import type { VdaRecording } from '../../bench/vda5050/session-kpis.ts';
import { vdaSessionToReplay } from '../../bench/vda5050/session-page-replay.ts';
import { VdaFleetController } from '../../bench/vda5050/vda-fleet-controller.ts';
import { runVdaSession, type SessionReadyInfo } from '../../bench/vda5050/vda-session.ts';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario, encodeReplay, frameLayout, SimHost } from '../../sim/index.ts';
import { MapRouter, orderAlong } from './map-router.ts';
import { MessageTap, waitFor } from './message-tap.ts';

const SCENARIO = 'warehouse/g2p-small';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 240_000);

afterAll(async () => {
  await harness?.close();
});

/** Every robot's x and z as the page draws them, at the tick of the last live frame it drew. */
interface PageSnapshot {
  tick: number;
  xz: number[];
}

/** Robot x/z of a host's current frame, as floats the page receives (float32). */
function hostRobotXZ(host: SimHost): number[] {
  const layout = frameLayout(host.model).find((s) => s.kind === 'robot')!;
  const x = layout.fields.indexOf('x');
  const z = layout.fields.indexOf('z');
  const robots = host.frame().sections.robot!;
  const out: number[] = [];
  for (let r = 0; r < layout.count; r++) out.push(robots[r * layout.stride + x]!, robots[r * layout.stride + z]!);
  return out;
}

let recording: VdaRecording | null = null;

describe('VDA 5050 in the page', () => {
  it('follows a session live while a MasterController drives it: robots move, positions at a tick equal the headless state, the end hash is named', async () => {
    const spec = findScenario(SCENARIO)!;
    const router = new MapRouter(exportMapJson(compileScenario(spec, hostCatalog)));
    const abort = new AbortController();
    let ready: SessionReadyInfo | null = null;
    const session = runVdaSession({
      spec,
      scenarioName: SCENARIO,
      speed: 4,
      port: 0,
      wsPort: 0,
      liveHz: 30,
      visualizationHz: 1,
      onReady: (info) => void (ready = info),
      signal: abort.signal,
    });
    let sessionFailed: unknown = null;
    session.catch((e) => (sessionFailed = e));
    await waitFor('the session to be ready', () => ready !== null || sessionFailed !== null);
    if (sessionFailed) throw sessionFailed;
    const info = ready as unknown as SessionReadyInfo;
    expect(info.liveTopic).toBe('testfield/live/Testfield');
    const tap = await MessageTap.open(info.brokerUrl, `${info.interfaceName}/v2/${info.manufacturer}`, '2.0.0');
    const mc = new MasterController(
      { interfaceName: info.interfaceName, transport: { brokerUrl: info.brokerUrl }, vdaVersion: '2.0.0' },
      { targetAgvs: { manufacturer: info.manufacturer } },
    );
    const errors: string[] = [];
    const page = await openPage(harness, `?paused=1&vda5050=${encodeURIComponent(info.wsUrl)}`, errors);
    try {
      await mc.start();
      await page.waitForFunction(
        () => {
          const live = window.__testfield!.live();
          return live?.drawn && live.frames >= 3;
        },
        undefined,
        { timeout: 60_000 },
      );
      await waitFor('a first state from every vehicle', () => info.vehicles.every((v) => tap.states.has(v.serialNumber)));

      // Two vehicles drive south through the aisles at once.
      const vehicleAt = (col: number, row: number) => info.vehicles.find((v) => v.nodeId === router.nodeAtCell(col, row))!;
      const drivers = [
        { v: vehicleAt(15, 1), to: router.nodeAtCell(5, 13) },
        { v: vehicleAt(21, 1), to: router.nodeAtCell(19, 13) },
      ];
      const others = (serial: string) =>
        new Set(info.vehicles.filter((v) => v.serialNumber !== serial).map((v) => String(tap.states.get(v.serialNumber)!.lastNodeId)));
      const robot = drivers[0]!.v.robot;
      const before = (await page.evaluate((r) => window.__testfield!.robotXZ(r), robot))!;
      expect(before).not.toBeNull();
      const sentMs = Date.now();
      const done = drivers.map(
        ({ v, to }, k) =>
          new Promise<string>((resolve) => {
            const path = router.route(v.nodeId, to, others(v.serialNumber));
            const order = { orderId: `live-${k}`, orderUpdateId: 0, ...orderAlong(path, []) } as Headerless<Order>;
            void mc.assignOrder({ manufacturer: info.manufacturer, serialNumber: v.serialNumber }, order, {
              onOrderProcessed: (withError) => resolve(withError ? `${withError.errorType}: ${withError.errorDescription}` : 'ok'),
            });
          }),
      );
      // Order → motion on the page: the page's drawn position of the robot leaves its node.
      const movedAtMs = await (
        await page.waitForFunction(
          ([r, x, z]) => {
            const p = window.__testfield!.robotXZ(r);
            return p !== null && Math.hypot(p.x - x, p.z - z) > 0.002 ? Date.now() : false;
          },
          [robot, before.x, before.z] as const,
          { polling: 'raf', timeout: 60_000 },
        )
      ).jsonValue();
      const orderToPageMs = (movedAtMs as number) - sentMs;

      // Snapshots of what the page draws, a simulated second apart, while the robots drive.
      const snapshots: PageSnapshot[] = [];
      for (let k = 0; k < 3; k++) {
        const after = snapshots.at(-1)?.tick ?? 0;
        await page.waitForFunction((t) => (window.__testfield!.live()?.tick ?? -1) >= t + 30, after, { timeout: 60_000 });
        snapshots.push(
          await page.evaluate((count) => {
            const hook = window.__testfield!;
            const xz: number[] = [];
            for (let r = 0; r < count; r++) {
              const p = hook.robotXZ(r)!;
              xz.push(p.x, p.z);
            }
            return { tick: hook.live()!.tick, xz };
          }, info.vehicles.length),
        );
      }
      // The robot drives on the page: more than 2 m from where it stood.
      await page.waitForFunction(
        ([r, x, z]) => {
          const p = window.__testfield!.robotXZ(r);
          return p !== null && Math.hypot(p.x - x, p.z - z) > 2;
        },
        [robot, before.x, before.z] as const,
        { timeout: 60_000 },
      );
      expect(await Promise.all(done)).toEqual(['ok', 'ok']);
      const live = (await page.evaluate(() => window.__testfield!.live()))!;
      abort.abort();
      const result = await session;
      await page.waitForFunction(() => window.__testfield!.live()?.status?.state === 'ended', undefined, { timeout: 30_000 });
      const status = (await page.evaluate(() => window.__testfield!.live()!.status))!;
      expect(status).toEqual({ state: 'ended', tick: result.ticks, hash: result.hash });
      expect(await page.textContent('#banner')).toContain(`ended at tick ${result.ticks}, state hash ${result.hash}`);
      expect(errors).toEqual([]);
      expect(tap.invalid).toEqual([]);
      recording = result.recording;

      // What the page drew at each snapshot tick is the headless state at that tick.
      const host = await SimHost.create(hostCatalog);
      try {
        host.load({
          spec: result.recording.spec,
          controller: new VdaFleetController(result.recording.identity, result.recording.mapId, result.recording.messages),
          seed: result.recording.seed,
        });
        for (const snap of snapshots) {
          host.advance(snap.tick - host.tick);
          expect(host.tick).toBe(snap.tick);
          expect(snap.xz).toEqual(hostRobotXZ(host));
        }
      } finally {
        host.dispose();
      }
      const sorted = [...live.latencyMs].sort((a, b) => a - b);
      console.log(
        `live page: ${live.frames} frames; frame latency p50 ${sorted[Math.floor(sorted.length / 2)]} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]} ms; order → motion on the page ${orderToPageMs} ms (in the session, arrival → first motion p50 ${result.vda.orderToMotionP50Ms} ms)`,
      );
      expect(orderToPageMs).toBeGreaterThan(0);
    } finally {
      abort.abort();
      await session.catch(() => {});
      await mc.stop().catch(() => {});
      await tap.close();
      await page.close();
    }
  }, 300_000);

  it("plays the recorded session as a replay: it ends at the session's tick and draws the headless end positions", async () => {
    expect(recording, 'the live test recorded a session').not.toBeNull();
    const rec = recording!;
    const { replay, outcome } = await vdaSessionToReplay(rec);
    expect(outcome.matches).toBe(true);
    expect(replay.trailer.hash).toBe(rec.hash);
    const bytes = encodeReplay(replay);
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1', errors);
    try {
      expect(await page.evaluate(([b, name]) => window.__testfield!.openReplay(b, name), [[...bytes], 'session.tfr'] as [number[], string])).toBe(true);
      expect(await page.evaluate(() => window.__testfield!.replayEndTick())).toBe(rec.endTick);
      const count = rec.identity.serialNumbers.length;
      const drawnAt = (tick: number) =>
        page.evaluate(
          ([t, n]) => {
            const hook = window.__testfield!;
            hook.seekReplay(t);
            const xz: number[] = [];
            for (let r = 0; r < n; r++) {
              const p = hook.robotXZ(r)!;
              xz.push(p.x, p.z);
            }
            return xz;
          },
          [tick, count] as const,
        );
      const host = await SimHost.create(hostCatalog);
      try {
        host.load({ spec: rec.spec, controller: new VdaFleetController(rec.identity, rec.mapId, rec.messages), seed: rec.seed });
        // A keyframe tick in the middle (robots on the way) and the end.
        const mid = Math.floor(rec.endTick / 60) * 30;
        host.advance(mid);
        expect(await drawnAt(mid)).toEqual(hostRobotXZ(host));
        host.advance(rec.endTick - host.tick);
        expect(await drawnAt(rec.endTick)).toEqual(hostRobotXZ(host));
        expect(await drawnAt(0)).not.toEqual(hostRobotXZ(host));
      } finally {
        host.dispose();
      }
      expect(await page.textContent('#banner')).toContain('controller vda5050');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    // The recording itself opened as a scenario file: the page names the command that plays it.
    const path = harness.serveFile('vda/session.json', JSON.stringify(rec));
    const asScenario = await openPage(harness, `?scenario=${encodeURIComponent(path)}`, [], undefined, 'error-banner');
    try {
      expect(await asScenario.textContent('#banner')).toContain(
        'session.json is a VDA 5050 session recording, not a scenario: play it with "testfield replay session.json --open"',
      );
    } finally {
      await asScenario.close();
    }
  }, 240_000);
});
