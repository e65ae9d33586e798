import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

/** Robots in the served scenario file: not g2p-small's 20, so the count proves the file was used. */
const FILE_ROBOTS = 7;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const tickOf = (page: Page) => page.evaluate(() => window.__testfield!.tick());
const query = (url: string) => `?scenario=${encodeURIComponent(url)}&controller=greedy`;
/** The banner's problem lines (`path: reason`). */
const bannerLines = (page: Page) => page.$$eval('#banner li', (items) => items.map((li) => li.textContent ?? ''));

describe('scenario files on the page (?scenario=<url>)', () => {
  it('fetches a scenario file served beside the app and runs its fleet', async () => {
    const base = findScenario('warehouse/g2p-small')!;
    const spec = {
      $schema: './scenario.schema.json',
      ...structuredClone(base),
      id: 'custom/file-small@1',
      title: 'g2p-small from a file',
      fleet: [{ ...base.fleet![0]!, count: FILE_ROBOTS }],
    };
    const url = harness.serveFile('scenarios/file-small.json', JSON.stringify(spec, null, 2));
    const errors: string[] = [];
    const page = await openPage(harness, query(url), errors);
    const t0 = await tickOf(page);
    await page.waitForFunction((t) => window.__testfield!.tick() > t + 30, t0, { timeout: 30_000 });

    const layout = await page.evaluate(() => window.__testfield!.frameLayout());
    expect(layout.map((s) => s.kind).slice(0, 2)).toEqual(['robot', 'load']);
    expect(layout.find((s) => s.kind === 'robot')?.count).toBe(FILE_ROBOTS);
    const drawn = await page.evaluate(() => window.__testfield!.drawnCounts());
    expect(drawn.robot).toBe(FILE_ROBOTS);
    expect(drawn.load).toBe(layout.find((s) => s.kind === 'load')?.count);
    expect(await page.inputValue('#scenario')).toBe('file:');
    expect(await page.textContent('#scenario option:checked')).toContain('file-small.json');
    expect(await page.isHidden('#banner')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every problem of an invalid scenario file, fetched or dropped, in the banner', async () => {
    const spec = structuredClone(findScenario('warehouse/g2p-small')!);
    const bad = {
      ...spec,
      id: 'custom/broken@1',
      fleet: [{ ...spec.fleet![0]!, count: 0 }],
      orders: { ...spec.orders, ratePerHour: -5 },
      horizonSec: 'an hour',
    };
    const url = harness.serveFile('scenarios/broken.json', JSON.stringify(bad));
    const errors: string[] = [];
    const page = await openPage(harness, query(url), errors, undefined, 'error-banner');
    expect(await page.textContent('#banner strong')).toMatch(/Scenario file broken\.json refused: invalid scenario custom\/broken@1/);
    const lines = await bannerLines(page);
    for (const path of ['fleet[0].count', 'orders.ratePerHour', 'horizonSec']) {
      expect(
        lines.some((l) => l.startsWith(`${path}: `)),
        `banner lists ${path} in ${JSON.stringify(lines)}`,
      ).toBe(true);
    }
    expect(await page.textContent('#banner')).not.toMatch(/\bat \w+ \(|Error:/);
    expect(await page.evaluate(() => window.__testfield!.episode())).toBeLessThanOrEqual(0);

    // The same checks for a file dropped on the field.
    const dropped = JSON.stringify({ ...bad, id: 'custom/dropped@1', horizonSec: 3600, layout: { ...spec.layout, cellM: -1 } });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.getElementById('view')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    await page.waitForFunction(() => document.querySelector('#banner strong')?.textContent?.includes('dropped.json'), undefined, { timeout: 20_000 });
    const droppedLines = await bannerLines(page);
    for (const path of ['layout.cellM', 'fleet[0].count', 'orders.ratePerHour']) {
      expect(
        droppedLines.some((l) => l.startsWith(`${path}: `)),
        `banner lists ${path} in ${JSON.stringify(droppedLines)}`,
      ).toBe(true);
    }
    expect(droppedLines.some((l) => l.startsWith('horizonSec'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a missing file and a file that is not JSON, without a stack trace', async () => {
    const errors: string[] = [];
    const missing = await openPage(harness, query('./scenarios/no-such-file.json'), errors, undefined, 'error-banner');
    expect(await missing.textContent('#banner')).toBe('Cannot load scenario file ./scenarios/no-such-file.json: the server answered HTTP 404 Not Found');
    await missing.close();

    const url = harness.serveFile('scenarios/not-json.json', '{ "id": "custom/x@1", fleet: [ }');
    const garbled = await openPage(harness, query(url), errors, undefined, 'error-banner');
    expect(await garbled.textContent('#banner')).toMatch(/^not-json\.json is not valid JSON: /);
    await garbled.close();
    // Chromium logs the 404 of the missing file itself; nothing else may be logged.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});
