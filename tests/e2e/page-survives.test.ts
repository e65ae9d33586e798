import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { encodeReplay } from '../../sim/index.ts';
import { recordScenario } from '../../bench/run/run-scenario.ts';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

/** Untrusted controllers and hostile files in real headless Chromium: the page survives, shows why, and recovers without a reload. */
let harness: Harness;
let page: Page;
const errors: string[] = [];
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

beforeAll(async () => {
  harness = await startHarness();
  page = await openPage(harness, '?robots=4', errors);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const tf = <T>(fn: () => T | Promise<T>) => page.evaluate(fn);
/** Waits until a fresh worker runs an episode again: banner gone, ticks advancing. */
async function runsAgain(): Promise<void> {
  await page.waitForFunction(() => window.__testfield!.episode() > 0 && document.getElementById('banner')!.hidden, undefined, { timeout: 30_000 });
  const t = await tf(() => window.__testfield!.tick());
  await page.waitForFunction((t0) => window.__testfield!.tick() > t0 + 5 || window.__testfield!.tick() < t0, t, { timeout: 30_000 });
}
const eventLines = () => page.$$eval('#events li', (items) => items.map((li) => li.textContent ?? ''));

describe('the page survives', () => {
  it('a throwing and a garbage-returning controller: one event line per cause, with a count', async () => {
    for (const controller of ['test/throwing', 'test/garbage']) {
      const outcome = await page.evaluate((c) => window.__testfield!.loadWith('warehouse/g2p-small', c, { robots: 4 }), controller);
      expect(outcome.ok, controller).toBe(true);
      await tf(() => window.__testfield!.advance(300));
      const groups = await tf(() => window.__testfield!.eventGroups());
      const lines = await eventLines();
      expect(lines.length, `${controller}: ${lines.join(' | ')}`).toBeLessThanOrEqual(Object.keys(groups).length + 2);
      const counts = Object.values(groups);
      expect(Math.max(...counts), controller).toBeGreaterThanOrEqual(50);
      if (controller === 'test/throwing') {
        const failed = groups['controller failed: decide() threw: test controller throws on every tick']!;
        expect(failed).toBeGreaterThanOrEqual(100);
        expect(groups['command rejected: decide() threw: test controller throws on every tick']).toBe(4 * failed);
        expect(lines.some((l) => l.startsWith(`×${4 * failed} `) && l.includes('command rejected: decide() threw'))).toBe(true);
      } else {
        expect(Object.keys(groups)).toEqual(
          expect.arrayContaining([
            'command rejected: unknown command kind "teleport"',
            'controller failed: decide() returned string, not an array of commands',
          ]),
        );
      }
    }
  }, 60_000);

  it('a model-mutating controller is reported once and changes nothing', async () => {
    await page.evaluate(() => window.__testfield!.loadWith('warehouse/g2p-small', 'test/mutating', { robots: 4 }));
    await tf(() => window.__testfield!.advance(300));
    const groups = await tf(() => window.__testfield!.eventGroups());
    expect(groups['controller failed: the controller wrote into the roadmap it was handed; the writes were undone (observations are read-only)']).toBe(1);
    const mutated = await tf(() => window.__testfield!.hash());
    await page.evaluate(() => window.__testfield!.loadWith('warehouse/g2p-small', 'greedy', { robots: 4 }));
    await tf(() => window.__testfield!.advance(300));
    expect(await tf(() => window.__testfield!.hash())).toBe(mutated);
  }, 60_000);

  it('a spinning controller: the hung worker is detected within 7 s (5 s of silence, the headless decide budget), named in the banner, and picking another controller recovers', async () => {
    await page.evaluate(() => window.__testfield!.loadWith('warehouse/g2p-small', 'test/spinning', { robots: 4 }));
    await tf(() => window.__testfield!.setSpeed(1));
    await tf(() => window.__testfield!.setPlaying(true));
    // The controller spins from 2 simulated seconds on: the tick stops there, the banner must follow within 7 s.
    const seen = await page.evaluate(
      () =>
        new Promise<{ latencyMs: number; tick: number }>((resolve) => {
          let last = -1;
          let at = performance.now();
          const poll = () => {
            const t = window.__testfield!.tick();
            if (t !== last) [last, at] = [t, performance.now()];
            if (!document.getElementById('banner')!.hidden) resolve({ latencyMs: performance.now() - at, tick: last });
            else setTimeout(poll, 20);
          };
          poll();
        }),
    );
    expect(seen.tick).toBeGreaterThanOrEqual(50);
    expect(seen.tick).toBeLessThanOrEqual(60);
    expect(seen.latencyMs).toBeLessThan(7000);
    expect(await page.textContent('#banner')).toMatch(/the simulation worker did not answer for \d+\.\d s .*it was ended\. Restart to try again/);
    await page.selectOption('#controller', 'greedy');
    await runsAgain();
    expect(await page.isHidden('#banner'), (await page.textContent('#banner')) ?? '').toBe(true);
  }, 60_000);

  it('a worker hung from outside: Restart recovers', async () => {
    await tf(() => window.__testfield!.hangWorker());
    const t0 = Date.now();
    await page.waitForSelector('#banner button', { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(7000);
    await page.click('#banner button');
    await runsAgain();
    expect(await page.isHidden('#banner')).toBe(true);
  }, 60_000);
});

describe('page security: titles, ids and messages are text, never markup', () => {
  it('a scenario and a replay whose title, id and names carry markup run no code and add no elements', async () => {
    const spec = structuredClone(findScenario('warehouse/g2p-small')!);
    spec.title = PAYLOAD;
    const outcome = await page.evaluate((s) => window.__testfield!.loadSpec(s, { robots: 3 }), spec);
    expect(outcome.ok).toBe(true);
    const bad = { ...structuredClone(spec), id: PAYLOAD, fleet: [{ model: PAYLOAD, count: 2 }] };
    const refused = await page.evaluate((s) => window.__testfield!.loadSpec(s), bad);
    expect(refused.ok).toBe(false);
    expect(await page.textContent('#banner')).toContain('<img');
    const { replay } = await recordScenario({ scenario: 'warehouse/g2p-small', controller: 'greedy', seed: 1, overrides: { robots: 3, minutes: 0.2 } });
    replay.header.title = PAYLOAD;
    replay.header.controller = PAYLOAD;
    replay.events.push({ type: 'controller.failed', tick: 3, message: PAYLOAD });
    const opened = await page.evaluate((b) => window.__testfield!.openReplay(b, '<img src=x onerror=alert(1)>.tfr'), Array.from(encodeReplay(replay)));
    expect(opened).toBe(true);
    expect(await page.textContent('#banner')).toContain('<img');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(errors.filter((e) => !/deliberate|did not answer/.test(e))).toEqual([]);
  }, 60_000);
});
