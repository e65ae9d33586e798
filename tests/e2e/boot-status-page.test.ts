/**
 * The page is never blank while it starts: before its first frame it names the scenario and says
 * it is loading physics (in the HTML itself, the name filled in by the entry script), and the
 * message goes once the first frame is drawn (headless Chromium).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { requestedScenario } from '../../web/ui/boot-status.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe('boot status', () => {
  it('names the scenario the address asks for', () => {
    expect(requestedScenario('')).toBe('warehouse/g2p-small');
    expect(requestedScenario('?scenario=production/flow-line&seed=3')).toBe('production/flow-line');
    expect(requestedScenario('?scenario=./bench-scenarios/my-floor.json')).toBe('my-floor.json');
  });

  it('paints the scenario and "loading physics…" with the page, and takes them away at the first frame', async () => {
    // In the page as served, before any script: what the first paint shows.
    const html = await (await fetch(harness.url)).text();
    expect(html).toMatch(/<div id="boot-status" role="status"><strong id="boot-scenario"><\/strong> <span>loading physics…<\/span><\/div>/);
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${harness.url}?scenario=warehouse/tote-to-person&paused=1`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.getElementById('boot-scenario')?.textContent === 'warehouse/tote-to-person', undefined, { timeout: 60_000 });
    expect((await page.textContent('#boot-status'))!.replace(/\s+/g, ' ').trim()).toBe('warehouse/tote-to-person loading physics…');
    await page.waitForFunction(() => performance.getEntriesByName('testfield:first-frame').length > 0, undefined, { timeout: 120_000 });
    await page.waitForSelector('#boot-status', { state: 'hidden', timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
