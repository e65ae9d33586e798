import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controllers, robotModels } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { encodeReplay, SimHost } from '../../sim/index.ts';
import { recordScenario } from '../../bench/run/run-scenario.ts';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

/** Ticks both hosts run before their hashes are compared. */
const PARITY_TICKS = 300;

let harness: Harness;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** Share of canvas pixels that differ from the background colour (the canvas keeps its buffer). */
function litShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const gl = document.getElementById('canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let lit = 0;
    const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 30) lit += 1;
    }
    return lit / (data.length / 4);
  });
}

/** Keeps a copy of the canvas pixels in the page under `name` (compared by {@link pixelDiff}). */
function snapshotPixels(page: Page, name: string): Promise<void> {
  return page.evaluate((key) => {
    const gl = document.getElementById('canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const store = ((globalThis as unknown as { __pixels?: Record<string, Uint8ClampedArray> }).__pixels ??= {});
    store[key] = ctx.getImageData(0, 0, c.width, c.height).data;
  }, name);
}

/**
 * Pixels that differ between two snapshots, and how many of those are drawn in load colours in
 * the first (resting pods orange, totes violet, held loads rose: red or blue well above green).
 */
function pixelDiff(page: Page, a: string, b: string): Promise<{ changed: number; loadColoured: number }> {
  return page.evaluate(
    ([ka, kb]) => {
      const store = (globalThis as unknown as { __pixels: Record<string, Uint8ClampedArray> }).__pixels;
      const x = store[ka!]!;
      const y = store[kb!]!;
      let changed = 0;
      let loadColoured = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) <= 30) continue;
        changed += 1;
        const [r, g, bl] = [x[i]!, x[i + 1]!, x[i + 2]!];
        if (Math.max(r, bl) - g > 40) loadColoured += 1;
      }
      return { changed, loadColoured };
    },
    [a, b],
  );
}

const tickOf = (page: Page) => page.evaluate(() => window.__testfield!.tick());

describe('browser test field', () => {
  it('loads without console errors, draws the field and advances ticks', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '', errors);
    const t0 = await tickOf(page);
    await page.waitForFunction((t) => window.__testfield!.tick() > t + 10, t0, { timeout: 30_000 });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await litShare(page)).toBeGreaterThan(0.2);
    await page.screenshot({ path: 'test-results/test-field.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws every kind of the frame layout; the load renderer draws pods and totes in load colours', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1', errors);
    await page.evaluate(() => window.__testfield!.advance(240));
    const layout = await page.evaluate(() => window.__testfield!.frameLayout());
    const drawn = await page.evaluate(() => window.__testfield!.drawnCounts());
    for (const section of layout) expect(drawn[section.kind], `instances drawn for ${section.kind}`).toBe(section.count);
    expect(drawn.load).toBeGreaterThan(100);

    expect(await page.evaluate(() => window.__testfield!.showKind('load', true))).toBe(true);
    await snapshotPixels(page, 'with');
    await page.evaluate(() => window.__testfield!.showKind('load', false));
    await snapshotPixels(page, 'without');
    await page.evaluate(() => window.__testfield!.showKind('load', true));
    await snapshotPixels(page, 'again');
    const loads = await pixelDiff(page, 'with', 'without');
    const canvasPixels = await page.evaluate(
      () => (document.getElementById('canvas') as HTMLCanvasElement).width * (document.getElementById('canvas') as HTMLCanvasElement).height,
    );
    expect(loads.changed / canvasPixels).toBeGreaterThan(0.02);
    expect(loads.loadColoured / loads.changed).toBeGreaterThan(0.5);
    expect((await pixelDiff(page, 'with', 'again')).changed).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('computes the same state hash in the worker as in Node (g2p-small, seed 7)', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=warehouse/g2p-small&controller=greedy&seed=7&paused=1', errors);
    const tick = await page.evaluate((n) => window.__testfield!.advance(n), PARITY_TICKS);
    expect(tick).toBe(PARITY_TICKS);
    const browserHash = await page.evaluate(() => window.__testfield!.hash());

    const host = await SimHost.create(robotModels);
    host.load({ spec: findScenario('warehouse/g2p-small')!, controller: controllers.greedy!(), seed: 7 });
    host.advance(PARITY_TICKS);
    expect(browserHash).toBe(host.hash());
    host.dispose();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pauses, changes speed and shows the panel of a clicked robot', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?speed=1', errors);
    await page.click('#play');
    await page.waitForTimeout(300);
    const paused = await tickOf(page);
    await page.waitForTimeout(1000);
    expect(await tickOf(page)).toBe(paused);

    await page.click('#step');
    await page.waitForFunction((t) => window.__testfield!.tick() === t + 1, paused);

    const rate = async () => {
      const a = await tickOf(page);
      await page.waitForTimeout(2000);
      return ((await tickOf(page)) - a) / 2;
    };
    await page.click('#play');
    const slow = await rate();
    await page.selectOption('#speed', '8');
    const fast = await rate();
    expect(slow).toBeGreaterThan(5);
    expect(fast).toBeGreaterThan(slow * 2.5);

    await page.click('#play');
    const xy = await page.evaluate(() => window.__testfield!.robotScreenXY(3));
    expect(xy).not.toBeNull();
    await page.mouse.click(xy!.x, xy!.y);
    await page.waitForSelector('#robot-panel:not([hidden])', { timeout: 10_000 });
    const title = await page.textContent('#robot-panel h2');
    const selected = await page.evaluate(() => window.__testfield!.selectedRobot());
    expect(selected).toBeGreaterThanOrEqual(0);
    expect(title).toContain(`Robot ${selected}`);
    expect(await page.textContent('#robot-panel')).toMatch(/Mode.*(hold|drive|follow|lifting|dropping|docked|faulted)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a replay written headless and shows the same KPIs at its end', async () => {
    const { result, replay } = await recordScenario({ scenario: 'warehouse/g2p-small', controller: 'greedy', seed: 7, overrides: { minutes: 1.5 } });
    const bytes = encodeReplay(replay);
    writeFileSync('test-results/g2p-small.tfr', bytes);
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1', errors);
    await page.setInputFiles('#replay-file', 'test-results/g2p-small.tfr');
    await page.waitForSelector('#replay-bar:not([hidden])', { timeout: 20_000 });
    const end = await page.evaluate(() => window.__testfield!.replayEndTick());
    expect(end).toBe(result.ticks);
    await page.evaluate((t) => window.__testfield!.seekReplay(t), end);
    const shown = await page.evaluate(() => window.__testfield!.shownKpis());
    expect(shown).toEqual(result.kpis);
    expect(await page.textContent('#kpis')).toContain(`${result.kpis.ordersDelivered} (released ${result.kpis.ordersReleased},`);

    const corrupt = Array.from(bytes);
    corrupt[Math.floor(corrupt.length / 2)]! ^= 0xff;
    expect(await page.evaluate((b) => window.__testfield!.openReplay(b, 'bad.tfr'), corrupt)).toBe(false);
    expect(await page.textContent('#banner')).toMatch(/Cannot open bad\.tfr: replay has a bad checksum/);

    const versionOne = Array.from(bytes);
    versionOne.splice(4, 4, 1, 0, 0, 0);
    expect(await page.evaluate((b) => window.__testfield!.openReplay(b, 'old.tfr'), versionOne)).toBe(false);
    expect(await page.textContent('#banner')).toMatch(/^Cannot open old\.tfr: replay version 1 is not supported: this build reads version 3/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows why a scenario is refused, and a restart button when the worker crashes', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '', errors);
    const spec = structuredClone(findScenario('warehouse/g2p-small')!);
    spec.fleet = [{ model: 'no-such-robot', count: 3 }];
    const outcome = await page.evaluate((s) => window.__testfield!.loadSpec(s), spec);
    expect(outcome.ok).toBe(false);
    expect(await page.textContent('#banner')).toContain('fleet[0].model');
    expect(await litShare(page)).toBeGreaterThan(0.2);

    await page.close();

    const live = await openPage(harness, '', errors);
    await live.evaluate(() => window.__testfield!.crashWorker());
    await live.waitForSelector('#banner button', { timeout: 10_000 });
    expect(await live.textContent('#banner')).toContain('worker crashed');
    await live.click('#banner button');
    await live.waitForFunction(() => window.__testfield!.tick() > 5, undefined, { timeout: 30_000 });
    expect(await live.isHidden('#banner')).toBe(true);
    expect(errors.filter((e) => !e.includes('deliberate worker crash'))).toEqual([]);
    await live.close();
  });
});
