import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { loadOnnxPolicy, robotModels } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { SimHost } from '../../sim/index.ts';

/** Ticks both hosts run before their hashes are compared. */
const PARITY_TICKS = 300;
const EXAMPLE = fileURLToPath(new URL('../../robots/policies/example-policy.onnx', import.meta.url));

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe('ONNX policy: the same inference engine headless and in the page worker', () => {
  it('gives the same state hash after 300 ticks in Node and in headless Chromium', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=warehouse/g2p-small&controller=example-policy.onnx&seed=7&paused=1', errors);
    const controllers = await page.evaluate(() => [...document.querySelectorAll('select option')].map((o) => (o as HTMLOptionElement).value));
    expect(controllers).toContain('example-policy.onnx');
    const tick = await page.evaluate((n) => window.__testfield!.advance(n), PARITY_TICKS);
    expect(tick).toBe(PARITY_TICKS);
    const browserHash = await page.evaluate(() => window.__testfield!.hash());

    const factory = await loadOnnxPolicy(new Uint8Array(readFileSync(EXAMPLE)), { name: 'example-policy' });
    const host = await SimHost.create(robotModels);
    host.load({ spec: findScenario('warehouse/g2p-small')!, controller: factory(), seed: 7 });
    const events = (await host.advanceAsync(PARITY_TICKS)).events;
    expect(events.filter((e) => e.type === 'controller.failed')).toEqual([]);
    // The policy moved the fleet (the hash is not that of robots standing still).
    expect(host.kpis().distanceM).toBeGreaterThan(10);
    expect(browserHash).toBe(host.hash());
    host.dispose();
    expect(errors).toEqual([]);
    await page.close();
  });
});
