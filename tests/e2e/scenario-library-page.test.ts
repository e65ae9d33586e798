import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

let harness: Harness;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('scenario library in the page', () => {
  it('selects sortation from the picker; the URL names the view; the legend lists its kinds', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?speed=4&controller=greedy&seed=5', errors);
    await page.waitForFunction(() => window.__testfield!.tick() > 5, undefined, { timeout: 30_000 });
    const options = await page.$$eval('#scenario option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['warehouse/tote-to-person', 'warehouse/sortation']));
    await page.selectOption('#scenario', 'warehouse/sortation');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'warehouse/sortation', undefined, { timeout: 30_000 });
    const params = await page.evaluate(() => Object.fromEntries(new URL(location.href).searchParams));
    expect(params).toMatchObject({ scenario: 'warehouse/sortation', controller: 'greedy', seed: '5', speed: '4' });
    await page.waitForFunction(() => (document.getElementById('legend')?.textContent ?? '').includes('sort chute (60)'), undefined, { timeout: 30_000 });
    const legend = await page.textContent('#legend');
    expect(legend).toContain('robot holding (40 robots)');
    expect(legend).toContain('errand task');
    await page.selectOption('#speed', '8');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('speed') === '8');
    await page.screenshot({ path: 'test-results/sortation.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
