/**
 * The page's KPI panel fits the scenario (headless Chromium): a line shows units/h, OEE and its
 * machines, sortation parcels/h, a warehouse orders/h; no row that is zero only because the
 * scenario has no such thing. The chart plots the scenario's headline KPI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

/** Opens the scenario paused, advances it `seconds` simulated seconds, and returns the panel's rows and the chart's title. */
async function panelAfter(scenario: string, seconds: number): Promise<{ rows: Record<string, string>; chart: string }> {
  const errors: string[] = [];
  const page = await openPage(harness, `?scenario=${scenario}&controller=reserve&paused=1`, errors);
  try {
    await page.evaluate(async (ticks) => {
      const hook = window.__testfield!;
      hook.setPlaying(false);
      while (hook.tick() < ticks) await hook.advance(Math.min(600, ticks - hook.tick()));
    }, seconds * 30);
    // The panel shows KPIs as the worker posts them: wait for those of the advanced tick.
    await page.waitForFunction((sec) => (window.__testfield!.shownKpis()?.simulatedSec ?? 0) >= sec, seconds, { timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelectorAll('#kpis dd').length > 0 && [...document.querySelectorAll('#kpis dd')].every((d) => d.textContent !== ''),
    );
    const rows = await page.$$eval('#kpis dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])));
    const chart = await page.$eval('#chart', (el) => el.parentElement!.querySelector('h2')!.textContent ?? '');
    expect(errors).toEqual([]);
    return { rows, chart };
  } finally {
    await page.close();
  }
}

describe('KPI panel', () => {
  it('of a flow line: units/h, OEE and its machines; no orders, utilisation, distance or collisions', async () => {
    const { rows, chart } = await panelAfter('production/flow-line', 600);
    const labels = Object.keys(rows);
    expect(rows['Line throughput']).toMatch(/^[1-9]\d*\.\d units\/h$/);
    expect(rows['OEE (bottleneck)']).toMatch(/^\d+\.\d % \(availability \d+\.\d %/);
    for (const m of ['M1', 'M2', 'M3', 'M4', 'M5']) expect(rows[`Machine ${m}`], m).toMatch(/^units \d+, OEE \d+\.\d %/);
    for (const absent of ['Orders delivered', 'Throughput', 'Order cycle time p50', 'Robot utilisation', 'Distance', 'Collisions', 'Deadlocks'])
      expect(labels, absent).not.toContain(absent);
    expect(Object.values(rows).join('\n')).not.toContain('orders/h');
    expect(chart).toBe('Line throughput (units/h)');
  }, 240_000);

  it('of sortation: parcels/h; no orders or utilisation', async () => {
    const { rows, chart } = await panelAfter('warehouse/sortation', 120);
    const labels = Object.keys(rows);
    expect(rows['Sort rate']).toMatch(/^[1-9]\d*\.\d parcels\/h$/);
    expect(rows['Parcels sorted']).toMatch(/^[1-9]\d* \(chutes used \d+\)$/);
    for (const absent of ['Orders delivered', 'Throughput', 'Order cycle time p50', 'Robot utilisation']) expect(labels, absent).not.toContain(absent);
    expect(labels).toEqual(expect.arrayContaining(['Distance', 'Collisions']));
    expect(chart).toBe('Sort rate (parcels/h)');
  }, 240_000);

  it('of a warehouse: orders/h and the fleet; no line, no parcels', async () => {
    const { rows, chart } = await panelAfter('warehouse/g2p-small', 120);
    expect(rows.Throughput).toMatch(/^[1-9]\d*\.\d orders\/h$/);
    expect(rows['Orders delivered']).toMatch(/^[1-9]\d* \(released \d+, lines picked \d+\)$/);
    expect(rows['Robot utilisation']).toMatch(/^\d+\.\d %$/);
    expect(Object.keys(rows).join('\n')).not.toMatch(/Line|OEE|Machine|Sort|Parcels/);
    expect(chart).toBe('Throughput (orders/h)');
  }, 240_000);
});
