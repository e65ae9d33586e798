import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

let harness: Harness;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** The assembly line in the page: AMRs, arms with every link posed, belts with items, machines by state. */
describe('production/assembly-line in the page', () => {
  it('draws the line working: arms, conveyors, items and machines; units ship; same hash as headless', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=production/assembly-line&controller=reserve&speed=8', errors);
    await page.waitForFunction(() => window.__testfield!.tick() > 5, undefined, { timeout: 120_000 });
    const kinds = await page.evaluate(() => window.__testfield!.frameLayout().map((s) => [s.kind, s.count]));
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['robot', 3],
        ['machine', 3],
        ['buffer', 2],
        ['item', 48],
        ['conveyor', 2],
        ['arm', 2],
      ]),
    );
    // Two simulated minutes: parts are picked onto C1 and the first units reach C2.
    await page.evaluate(() => window.__testfield!.setPlaying(false));
    await page.evaluate(async () => {
      const hook = window.__testfield!;
      while (hook.tick() < 30 * 120) await hook.advance(600);
    });
    // The panel shows KPIs as the worker posts them: wait for the ones of the advanced tick, not a stale earlier post.
    await page.waitForFunction(() => (window.__testfield!.shownKpis()?.simulatedSec ?? 0) >= 120, undefined, { timeout: 120_000 });
    const drawn = await page.evaluate(() => window.__testfield!.drawnCounts());
    expect(drawn.arm).toBeGreaterThan(0);
    expect(drawn.item).toBeGreaterThan(0);
    expect(drawn.machine).toBe(3);
    const kpis = await page.evaluate(() => window.__testfield!.shownKpis());
    // Headless, the first unit ships at tick 2010 and the arms have cycled 20 times by tick 3600.
    expect(kpis!.things!.arm!.armCycles).toBeGreaterThan(3);
    expect(kpis!.things!.sink!.unitsCompleted).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/assembly-line.png' });
    // The worker's arms, belts and items are the same sim as headless: same state hash at the same tick.
    const tick = await page.evaluate(() => window.__testfield!.tick());
    const pageHash = await page.evaluate(() => window.__testfield!.hash());
    const host = await makeHost({ scenario: 'production/assembly-line', controller: 'reserve' });
    runCollect(host, tick);
    expect(host.tick).toBe(tick);
    expect(pageHash).toBe(host.hash());
    // A cell controller file in robots/cells/ is in the page's Cell picker and replaces the built-in one.
    const cells = await page.$$eval('#cell-controller option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(cells).toEqual(expect.arrayContaining(['', 'pick-place', 'gentle-place']));
    const episode = await page.evaluate(() => window.__testfield!.episode());
    await page.selectOption('#cell-controller', 'gentle-place');
    // While a load is under way the client's episode is -1 and its last frame is still the old
    // episode's (tick ≥ 3600): wait for the new episode itself, or the advance below would stop at once.
    await page.waitForFunction(
      (e) => {
        const now = window.__testfield!.episode();
        return now > 0 && now !== e;
      },
      episode,
      { timeout: 90_000 },
    );
    await page.evaluate(async () => {
      const hook = window.__testfield!;
      hook.setPlaying(false);
      while (hook.tick() < 30 * 60) await hook.advance(600);
    });
    // The new episode's KPIs (the old one ended past 120 s), at or past the advanced tick.
    await page.waitForFunction(
      () => {
        const sec = window.__testfield!.shownKpis()?.simulatedSec ?? 0;
        return sec >= 60 && sec < 110;
      },
      undefined,
      { timeout: 120_000 },
    );
    expect(await page.evaluate(() => window.__testfield!.shownKpis()!.things!.arm!.armCycles)).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('switching from the flow line to the assembly line while frames are in flight draws the new scene without an error', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=production/flow-line&controller=greedy&speed=max', errors);
    await page.waitForFunction(() => window.__testfield!.tick() > 300, undefined, { timeout: 60_000 });
    // Picked while the worker streams flow-line frames: a stale frame of 5 machines must not pose the assembly line's 3.
    await page.selectOption('#scenario', 'production/assembly-line');
    await page.waitForFunction(() => (window.__testfield!.drawnCounts().machine ?? 0) === 3 && window.__testfield!.tick() > 30, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.__testfield!.advance(60));
    expect(errors).toEqual([]);
    await page.close();
  });
});
