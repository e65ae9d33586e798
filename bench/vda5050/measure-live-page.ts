/**
 * What watching a VDA 5050 session in the page costs, and the alternative it was chosen over
 * (headless Chromium, software WebGL, the embedded broker, the built-in load fleet manager):
 *
 * - **following** (what the page does): `testfield vda5050 <scenario> --speed X` runs the
 *   session headless and publishes pose frames; the page (`?vda5050=ws://…`) draws them. Measured:
 *   the page's frame rate, main-thread ms per frame, live frames received per second and their
 *   latency (session send → drawn), and the session's own figures (messages/s, order → first motion).
 * - **hosting in the page's worker** (the alternative): the page's worker would run the same
 *   simulation at the same speed (plus the vehicles' MQTT clients and schema checks). Measured: the
 *   worker's milliseconds per tick of the same scenario, so the share of a core ×X needs, and the
 *   page's frame rate while its own worker plays the scenario at ×8 and ×16.
 *
 *   npx tsx bench/vda5050/measure-live-page.ts [--scenario warehouse/g2p-medium] [--speed 10] [--seconds 20] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { robotRows } from '../../sim/index.ts';
import { parseArgs } from 'node:util';
import { hostCatalog } from '../../robots/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { openPage, startHarness } from '../run/browser/browser-harness.ts';
import { resolveScenario } from '../run/registry.ts';
import { LoadFleetManager } from './load-fleet-manager.ts';
import { runVdaSession, type SessionReadyInfo } from './vda-session.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'warehouse/g2p-medium' },
    speed: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    json: { type: 'string' },
  },
});
const scenario = values.scenario!;
const speed = Number(values.speed);
const seconds = Number(values.seconds);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * Animation frames the page draws in `sec` wall seconds, and its main-thread ms per frame. Page
 * source as text: tsx would wrap named inner functions in a helper the page does not have.
 */
const pageRate = (sec: number) => `new Promise((resolve) => {
  const hook = window.__testfield;
  hook.clearFrameMs();
  let n = 0;
  const t0 = performance.now();
  const step = () => {
    n += 1;
    if (performance.now() - t0 < ${sec * 1000}) requestAnimationFrame(step);
    else resolve({ fps: n / ((performance.now() - t0) / 1000), frameMs: hook.frameMs() });
  };
  requestAnimationFrame(step);
})`;

const harness = await startHarness();
try {
  const spec = resolveScenario(scenario);
  const model = compileScenario(spec, hostCatalog);
  const errors: string[] = [];

  // Following: a headless session kept busy by the load fleet manager, the page drawing its frames.
  let ready: SessionReadyInfo | null = null;
  let fm: LoadFleetManager | null = null;
  const abort = new AbortController();
  const session = runVdaSession({
    spec,
    scenarioName: scenario,
    speed,
    port: 0,
    wsPort: 0,
    signal: abort.signal,
    record: false,
    liveHz: 30,
    onReady: async (info) => {
      ready = info;
      fm = await LoadFleetManager.start(info.brokerUrl, model, `${info.interfaceName}/v2/${info.manufacturer}`, '2.0.0', info.manufacturer);
    },
  });
  while (!ready) await new Promise((r) => setTimeout(r, 50));
  const info = ready as SessionReadyInfo;
  const page = await openPage(harness, `?paused=1&vda5050=${encodeURIComponent(info.wsUrl)}`, errors);
  await page.waitForFunction(() => (window.__testfield!.live()?.frames ?? 0) > 10, undefined, { timeout: 60_000 });
  const f0 = (await page.evaluate(() => window.__testfield!.live()!.frames))!;
  const following = (await page.evaluate(pageRate(seconds))) as { fps: number; frameMs: number[] };
  const live = (await page.evaluate(() => window.__testfield!.live()))!;
  abort.abort();
  const result = await session;
  await page.close();
  await (fm as LoadFleetManager | null)?.stop();

  // Hosting in the page's worker: the same scenario simulated there.
  const host = await openPage(harness, `?scenario=${encodeURIComponent(scenario)}&controller=reserve&paused=1`, errors);
  const workerMsPerTick = await host.evaluate(async () => {
    const hook = window.__testfield!;
    await hook.advance(60);
    const t0 = performance.now();
    await hook.advance(300);
    return (performance.now() - t0) / 300;
  });
  const hosted: Record<string, { fps: number; frameMsP95: number; achievedSpeed: number }> = {};
  for (const s of [8, 16] as const) {
    await host.evaluate((x) => {
      window.__testfield!.setSpeed(x);
      window.__testfield!.setPlaying(true);
    }, s);
    const tick0 = await host.evaluate(() => window.__testfield!.tick());
    const t0 = performance.now();
    const r = (await host.evaluate(pageRate(Math.min(seconds, 10)))) as { fps: number; frameMs: number[] };
    const simSec = ((await host.evaluate(() => window.__testfield!.tick())) - tick0) / model.hz;
    hosted[`x${s}`] = { fps: round(r.fps), frameMsP95: round(pct(r.frameMs, 95), 2), achievedSpeed: round(simSec / ((performance.now() - t0) / 1000)) };
  }
  await host.close();

  const ticksPerSec = model.hz * speed;
  const figures = {
    scenario,
    robots: robotRows.things(model).length,
    speed,
    following: {
      pageFps: round(following.fps),
      mainThreadMsPerFrameP50: round(pct(following.frameMs, 50), 2),
      mainThreadMsPerFrameP95: round(pct(following.frameMs, 95), 2),
      liveFramesPerSec: round((live.frames - f0) / seconds),
      frameLatencyP50Ms: pct(live.latencyMs, 50),
      frameLatencyP95Ms: pct(live.latencyMs, 95),
      sessionMessagesPerSec: result.vda.messagesPerSec,
      orderToFirstMotionP50Ms: result.vda.orderToMotionP50Ms,
      orderToFirstMotionP95Ms: result.vda.orderToMotionP95Ms,
      sessionCpuShareOfCore: round(result.cpu.processSec / result.wallSec, 2),
      sessionSimShareOfCore: round(result.cpu.simTickWallSec / result.wallSec, 2),
    },
    hostingInPageWorker: {
      workerMsPerTick: round(workerMsPerTick, 2),
      coreShareAtSpeed: round((workerMsPerTick * ticksPerSec) / 1000, 2),
      pageWhilePlaying: hosted,
    },
    errors,
  };
  console.log(JSON.stringify(figures, null, 2));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await harness.close();
}
