/**
 * The line panel in real headless Chromium: the state Gantt chart, the WIP chart and the
 * bottleneck verdict of a line scenario, checked against the same run headless at the same tick
 * (shares per machine and state, WIP, the verdict's machine, the state hash), the Gantt's pixels
 * against the shares, and the README's screenshot.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { MACHINE_STATES, type Kpis, type ScenarioSpecInput } from '../../sim/index.ts';
import { MACHINE_STATE_COLORS } from '../../web/render/kinds/machine-renderer.ts';
import { GANTT } from '../../web/line/state-gantt.ts';
import { makeHost } from '../helpers/make-host.ts';
import { readmeScreenshotPath } from '../helpers/readme-screenshot.ts';

/** Where the README's screenshot of the line panel goes. */
const SCREENSHOT = readmeScreenshotPath('scenarios/line-gantt.png');
const conwip = JSON.parse(readFileSync(new URL('../fixtures/line/conwip-transfer-line.json', import.meta.url), 'utf8')) as ScenarioSpecInput;

let harness: Harness;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** Advances the paused page to `ticks` and waits until the KPIs and the line panel show that instant. */
async function advancePageTo(page: Page, ticks: number, hz: number): Promise<void> {
  await page.evaluate(async (end) => {
    const hook = window.__testfield!;
    hook.setPlaying(false);
    while (hook.tick() < end) await hook.advance(Math.min(6000, end - hook.tick()));
  }, ticks);
  expect(await page.evaluate(() => window.__testfield!.tick())).toBe(ticks);
  await page.waitForFunction((sec) => window.__testfield!.shownKpis()?.simulatedSec === sec && window.__testfield!.lineCharts()?.nowSec === sec, ticks / hz, {
    timeout: 60_000,
  });
}

/** The same scenario headless to `ticks`: KPIs, hash and the units in the line, counted from its events. */
async function headlessAt(options: { scenario?: string; spec?: ScenarioSpecInput }, ticks: number): Promise<{ kpis: Kpis; hash: string; inLine: number }> {
  const host = await makeHost({ ...options, controller: 'greedy' });
  let inLine = 0;
  while (host.tick < ticks) {
    for (const e of host.advance(Math.min(6000, ticks - host.tick)).events) {
      if (e.type === 'unit.released') inLine += 1;
      if (e.type === 'unit.completed' || (e.type === 'unit.processed' && e.scrapped)) inLine -= 1;
    }
  }
  const result = { kpis: host.kpis(), hash: host.hash(), inLine };
  host.dispose();
  return result;
}

/** Compares everything the panel shows with the headless KPIs; returns the machine names. */
async function expectPanelMatches(page: Page, headless: { kpis: Kpis; inLine: number }): Promise<string[]> {
  const view = (await page.evaluate(() => window.__testfield!.lineCharts()))!;
  const machine = headless.kpis.things!.machine!;
  const names = view.machines.map((m) => m.name);
  // Every machine's share of time per state, as drawn, equals the sim's KPI (rounded to 4 decimals there).
  for (const m of view.machines)
    for (const s of MACHINE_STATES) expect(Math.abs(m.shares[s] - machine[`${m.name}.${s}`]!), `${m.name}.${s}`).toBeLessThanOrEqual(5e-5 + 1e-9);
  // The share table as a person reads it: one decimal of a percent.
  const table = await page.$$eval('#line-panel .line-shares tbody tr', (rows) =>
    rows.map((r) => [r.querySelector('th')!.textContent, ...[...r.querySelectorAll('td')].map((td) => [td.className.replace('share-', ''), td.textContent])]),
  );
  expect(table.map((r) => r[0])).toEqual(names);
  for (const [name, ...cells] of table) {
    for (const [state, text] of cells as Array<[string, string]>) {
      expect(text).toMatch(/^\d+\.\d %$/);
      expect(Math.abs(parseFloat(text) - machine[`${name}.${state}`]! * 100), `${name}.${state} shown ${text}`).toBeLessThanOrEqual(0.05 + 0.005 + 1e-9);
    }
  }
  // The verdict names the sim's bottleneck by active periods, with its sole and shifting shares.
  const bottleneck = names[machine.bottleneckMachine!]!;
  expect(view.verdict!.name).toBe(bottleneck);
  const shown = await page.$eval('#line-panel .line-verdict', (e) => e.textContent!);
  expect(shown).toBe(view.verdict!.text);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  expect(
    shown.startsWith(
      `${bottleneck} by active periods (${bottleneck} sole ${pct(machine[`${bottleneck}.bottleneckSole`]!)}, shifting ${pct(machine[`${bottleneck}.bottleneckShifting`]!)}`,
    ),
  ).toBe(true);
  // WIP: units in the line now, and the time average as the sink KPI.
  expect(view.wip.nowUnits).toBe(headless.inLine);
  expect(Math.abs(view.wip.averageUnits - headless.kpis.things!.sink!.wipUnits!)).toBeLessThanOrEqual(5e-5 + 1e-9);
  expect(view.wip.points).toBeGreaterThan(20);
  // The WIP chart drew its step line.
  expect(await page.$eval('#line-panel .line-wip canvas', (c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(200);
  return names;
}

/** Each machine row's pixels of the Gantt chart, counted by state colour, as shares of the row's plot area. */
async function ganttPixelShares(page: Page, machines: number): Promise<Array<Record<string, number>>> {
  const colors = Object.fromEntries(MACHINE_STATES.map((s) => [s, MACHINE_STATE_COLORS[s]]));
  return page.evaluate(
    ({ colors, machines, layout }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('#line-panel .line-gantt')!;
      const g = canvas.getContext('2d')!;
      const cols = canvas.width - layout.labelPx;
      const out: Array<Record<string, number>> = [];
      for (let m = 0; m < machines; m++) {
        const data = g.getImageData(layout.labelPx, m * (layout.rowPx + layout.gapPx), cols, layout.rowPx).data;
        const counts: Record<string, number> = { other: 0 };
        for (let i = 0; i < data.length; i += 4) {
          const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
          const state = Object.keys(colors).find((s) => colors[s] === rgb && data[i + 3] === 255) ?? 'other';
          counts[state] = (counts[state] ?? 0) + 1;
        }
        out.push(Object.fromEntries(Object.entries(counts).map(([s, n]) => [s, n / (cols * layout.rowPx)])));
      }
      return out;
    },
    { colors, machines, layout: GANTT },
  );
}

describe('the line panel: state Gantt chart, WIP chart and bottleneck verdict', () => {
  it('production/flow-line at 30 min: shares, pixels, WIP and verdict equal the headless run at the same tick; the README screenshot', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=production/flow-line&controller=greedy&paused=1', errors, { width: 1280, height: 900 });
    expect(await page.isHidden('#line-panel')).toBe(true);
    const ticks = 30 * 1800;
    await advancePageTo(page, ticks, 30);
    expect(await page.isVisible('#line-panel')).toBe(true);
    const headless = await headlessAt({ scenario: 'production/flow-line' }, ticks);
    expect(await page.evaluate(() => window.__testfield!.hash())).toBe(headless.hash);
    const names = await expectPanelMatches(page, headless);
    expect(names).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    // The chart itself: every pixel of a row is a state colour, in the row's share of time (no warm-up: the window is the whole run).
    const machine = headless.kpis.things!.machine!;
    const pixels = await ganttPixelShares(page, names.length);
    pixels.forEach((row, m) => {
      expect(row.other, `${names[m]} pixels of no state colour`).toBe(0);
      for (const s of MACHINE_STATES) expect(Math.abs((row[s] ?? 0) - machine[`${names[m]}.${s}`]!), `${names[m]} ${s} pixels`).toBeLessThan(0.01);
    });
    // Failures on M2 and M4 show as red: the chart has down time where the sim had it.
    expect(pixels[1]!.down).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('a CONWIP loop over a transfer line with a warm-up: shares and WIP cover the window after the warm-up, as the KPIs do', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?scenario=production/flow-line&controller=greedy&paused=1', errors);
    const outcome = await page.evaluate((spec) => window.__testfield!.loadSpec(spec), conwip);
    expect(outcome.ok).toBe(true);
    const ticks = 30 * 6000;
    await advancePageTo(page, ticks, 30);
    const headless = await headlessAt({ spec: conwip }, ticks);
    expect(await page.evaluate(() => window.__testfield!.hash())).toBe(headless.hash);
    await expectPanelMatches(page, headless);
    const view = (await page.evaluate(() => window.__testfield!.lineCharts()))!;
    expect(view.windowStartSec).toBe(600);
    // Six cards: six units in the loop at every instant, so the average too.
    expect(view.wip.nowUnits).toBe(6);
    expect(view.wip.averageUnits).toBeCloseTo(6, 9);
    // M1 feeds M2 directly: it is blocked whenever M2 still works; M3 fails, M4 sets up.
    expect(view.machines[0]!.shares.blocked).toBeGreaterThan(0.05);
    expect(view.machines[2]!.shares.down).toBeGreaterThan(0);
    expect(view.machines[3]!.shares.setup).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/line-gantt-conwip.png' });
    // The charts fold away (the verdict stays) and come back.
    await page.click('#line-panel .line-fold');
    expect(await page.isHidden('#line-panel .line-body')).toBe(true);
    expect(await page.isVisible('#line-panel .line-verdict')).toBe(true);
    await page.click('#line-panel .line-fold');
    expect(await page.isVisible('#line-panel .line-gantt')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
