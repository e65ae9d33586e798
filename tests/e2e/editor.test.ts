import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';
import { findScenario } from '../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../sim/index.ts';
import { runBench, tempDir } from '../bench/bench-process.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';
import { readmeScreenshotPath } from '../helpers/readme-screenshot.ts';
import { SMALL_G2P_ROWS, SMALL_G2P_STEPS, type DrawStep } from './editor-floor.ts';

/** Ticks the page and the headless host run the saved floor before hashes and KPIs are compared. */
const PARITY_TICKS = 2400;
/** Where the editor's screenshot for the README goes. */
const SCREENSHOT = readmeScreenshotPath('web/editor/editor.png');

let harness: Harness;
const dir = tempDir('editor');

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** Opens the page in the editor and waits until its first drawing is checked. */
async function openEditor(query: string, errors: string[]): Promise<Page> {
  const page = await harness.browser.newPage({ viewport: { width: 1400, height: 820 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(harness.url + query);
  await page.waitForFunction(() => window.__testfieldEditor?.isOpen() === true && window.__testfieldEditor.state() !== 'checking', undefined, {
    timeout: 60_000,
  });
  return page;
}

/** Waits until the newest drawing is checked; returns its state. */
async function settled(page: Page): Promise<'ok' | 'invalid'> {
  await page.waitForFunction(() => window.__testfieldEditor!.state() !== 'checking', undefined, { timeout: 30_000 });
  return (await page.evaluate(() => window.__testfieldEditor!.state())) as 'ok' | 'invalid';
}

const cellXY = (page: Page, cell: { row: number; col: number }) => page.evaluate((c) => window.__testfieldEditor!.cellClientXY(c.row, c.col), cell);
const pointXY = (page: Page, xM: number, zM: number) => page.evaluate(([x, z]) => window.__testfieldEditor!.pointClientXY(x!, z!), [xM, zM]);
const issues = (page: Page) => page.evaluate(() => window.__testfieldEditor!.issues());
const fileText = (page: Page) => page.evaluate(() => window.__testfieldEditor!.text());

/** Draws one step with the mouse: picks the brush, then clicks a cell or drags a rectangle. */
async function draw(page: Page, step: DrawStep): Promise<void> {
  await page.click(`#editor button[data-tool="brush:${step.ch}"]`);
  await page.setChecked('#editor-rect', step.to !== undefined);
  const a = await cellXY(page, step.from);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  if (step.to) {
    const b = await cellXY(page, step.to);
    await page.mouse.move(b.x, b.y, { steps: 5 });
  }
  await page.mouse.up();
}

/** The canvas pixel (RGB) under a client point. */
function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([cx, cy]) => {
      const canvas = document.getElementById('editor-canvas') as HTMLCanvasElement;
      const r = canvas.getBoundingClientRect();
      const k = canvas.width / r.width;
      const d = canvas.getContext('2d')!.getImageData(Math.floor((cx! - r.left) * k), Math.floor((cy! - r.top) * k), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!];
    },
    [x, y],
  );
}

/** Whether the problem outline (red) is drawn on the west edge of a cell. */
async function outlinedRed(page: Page, cell: { row: number; col: number }): Promise<boolean> {
  const centre = await cellXY(page, cell);
  const west = await cellXY(page, { row: cell.row, col: cell.col - 1 });
  const edgeX = (centre.x + west.x) / 2 + 2;
  const [r, g, b] = await pixelAt(page, edgeX, centre.y);
  return r! > 200 && g! < 110 && b! < 110;
}

/** Clicks Save and returns the downloaded file's path and text. */
async function save(page: Page, name: string): Promise<{ path: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#editor-save')]);
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

/** Sets a side-panel field and commits it (Enter fires `change`). */
async function setField(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

/** Every leaf path where two JSON values differ, with both values. */
function jsonDiff(a: unknown, b: unknown, path = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
}

describe('layout editor in the page', () => {
  it('draws a goods-to-person floor on a blank 20 × 12 with the mouse, checked as drawn; the saved file validates and runs headless to the page run’s hash and KPIs', async () => {
    const errors: string[] = [];
    const page = await openEditor('?edit=20x12&controller=greedy&paused=1', errors);
    expect(await settled(page)).toBe('invalid');
    expect((await issues(page)).map((i) => i.message)).toContain('the layout has no pick station (P)');
    expect(await page.isDisabled('#editor-run')).toBe(true);

    for (const step of SMALL_G2P_STEPS) await draw(page, step);
    // Three robot starts for a fleet of four: the one problem left names it, and Run stays disabled.
    expect(await settled(page)).toBe('invalid');
    expect(await issues(page), JSON.parse(await fileText(page)).layout.rows.join('\n')).toEqual([
      { path: 'fleet[0].count', message: 'fleet needs 4 spawn points but the layout has 3 (S)' },
    ]);
    expect(await page.textContent('#editor-problems')).toContain('fleet needs 4 spawn points but the layout has 3 (S)');
    expect(await page.isDisabled('#editor-run')).toBe(true);
    await draw(page, { ch: 'S', from: { row: 1, col: 7 } });
    expect(await settled(page)).toBe('ok');
    expect(await issues(page)).toEqual([]);
    expect(await page.isEnabled('#editor-run')).toBe(true);
    expect(JSON.parse(await fileText(page)).layout.rows).toEqual(SMALL_G2P_ROWS);

    // A gap in the border wall: the problem names the cell, is listed, and is outlined in red there; a wall fixes it.
    const gap = { row: 0, col: 9 };
    expect(await outlinedRed(page, gap)).toBe(false);
    await draw(page, { ch: '.', from: gap });
    expect(await settled(page)).toBe('invalid');
    expect(await issues(page)).toEqual([{ path: 'layout.rows[0][9]', message: 'the layout must be enclosed by walls (#) on every border cell' }]);
    expect(await page.getAttribute('#editor-problems li', 'data-path')).toBe('layout.rows[0][9]');
    await expect.poll(() => outlinedRed(page, gap), { timeout: 20_000 }).toBe(true);
    // The README's screenshot: the drawn floor with this problem listed and outlined at its cell.
    await page.mouse.move(0, 0);
    await page.screenshot({ path: SCREENSHOT });
    await draw(page, { ch: '#', from: gap });
    expect(await settled(page)).toBe('ok');
    await expect.poll(() => outlinedRed(page, gap), { timeout: 20_000 }).toBe(false);

    // Order stream and horizon from the side panel; undo and redo give back the identical file.
    await setField(page, '#editor-rate', '240');
    await setField(page, '#editor-horizon', '300');
    await settled(page);
    const drawn = await fileText(page);
    expect(JSON.parse(drawn)).toMatchObject({ orders: { ratePerHour: 240 }, horizonSec: 300, fleet: [{ model: 'shelf-lifter', count: 4 }] });
    await page.click('#editor-undo');
    await page.click('#editor-undo');
    expect(JSON.parse(await fileText(page))).toMatchObject({ orders: { ratePerHour: 120 }, horizonSec: 600 });
    await page.click('#editor-redo');
    await page.click('#editor-redo');
    expect(await fileText(page)).toBe(drawn);
    expect(await settled(page)).toBe('ok');

    // Save: the downloaded file is the drawing, reads one layout row a line, and `bench validate` accepts it.
    const saved = await save(page, 'drawn-floor.json');
    expect(saved.text).toBe(drawn);
    for (const row of SMALL_G2P_ROWS) expect(saved.text).toContain(`\n      ${JSON.stringify(row)}`);
    const validated = await runBench(['validate', saved.path]);
    expect(validated.stdout.trim()).toBe('ok: drawn/floor-20x12@1 is a valid scenario');
    expect(validated.code).toBe(0);

    // Run: the page's worker runs the drawn file in the ordinary field.
    await page.click('#editor-run');
    await page.waitForFunction(() => !window.__testfieldEditor!.isOpen() && window.__testfield!.episode() > 0, undefined, { timeout: 60_000 });
    expect(await page.isVisible('#canvas')).toBe(true);
    expect(await page.textContent('#scenario option:checked')).toContain('Drawn floor 20 × 12');
    const layout = await page.evaluate(() => window.__testfield!.frameLayout());
    expect(layout.find((s) => s.kind === 'robot')?.count).toBe(4);
    expect(layout.find((s) => s.kind === 'load')?.count).toBe(48);
    const tick = await page.evaluate((n) => window.__testfield!.advance(n), PARITY_TICKS);
    expect(tick).toBe(PARITY_TICKS);
    const pageHash = await page.evaluate(() => window.__testfield!.hash());
    await page.waitForFunction((sec) => (window.__testfield!.shownKpis()?.simulatedSec ?? 0) >= sec, PARITY_TICKS / 30, { timeout: 60_000 });
    const pageKpis = await page.evaluate(() => window.__testfield!.shownKpis());

    const host = await makeHost({ spec: JSON.parse(saved.text) as ScenarioSpecInput, controller: 'greedy' });
    runCollect(host, PARITY_TICKS);
    expect(host.tick).toBe(PARITY_TICKS);
    expect(pageHash).toBe(host.hash());
    expect(pageKpis).toEqual(host.kpis());
    expect(host.kpis().distanceM).toBeGreaterThan(10);
    expect(host.kpis().ordersDelivered).toBeGreaterThanOrEqual(1);
    host.dispose();

    // Back to editing: the same file, undo history and all.
    await page.click('#edit');
    await page.waitForFunction(() => window.__testfieldEditor!.isOpen());
    expect(await fileText(page)).toBe(drawn);
    expect(await page.isEnabled('#editor-undo')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('opens production/assembly-line, moves a machine and changes a buffer’s capacity: the saved file differs in exactly those fields', async () => {
    const errors: string[] = [];
    const page = await openEditor('?edit=big&scenario=production/assembly-line', errors);
    expect(await page.textContent('#editor .editor-message')).toBe('edit=big: expected a blank floor size such as 20x12 (3 to 400 cells a side); ignored');
    expect(await settled(page)).toBe('ok');
    const original = JSON.parse(JSON.stringify(findScenario('production/assembly-line'))) as Record<string, unknown>;
    expect(JSON.parse(await fileText(page))).toEqual(original);

    await page.click('#editor button[data-tool="select"]');
    const from = await pointXY(page, 16.0, 7.2);
    const to = await pointXY(page, 18.0, 7.2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    expect(await page.textContent('#editor .editor-thing')).toContain('machine M2');

    const b1 = await pointXY(page, 15.25, 8.2);
    await page.mouse.click(b1.x, b1.y);
    await page.waitForSelector('#editor .editor-thing input[data-path="line.buffers.0.capacity"]');
    await setField(page, '#editor .editor-thing input[data-path="line.buffers.0.capacity"]', '6');
    expect(await settled(page)).toBe('ok');

    const saved = await save(page, 'assembly-line-edited.json');
    expect(jsonDiff(original, JSON.parse(saved.text))).toEqual(['line.machines[1].position.xM: 16 -> 18', 'line.buffers[0].capacity: 4 -> 6']);
    const validated = await runBench(['validate', saved.path]);
    expect(validated.code).toBe(0);

    // A buffer added from the side panel lands in the view with a free name; Delete takes it out again.
    const before = await fileText(page);
    const empty = await pointXY(page, 3, 8);
    await page.mouse.click(empty.x, empty.y);
    await page.selectOption('#editor-add-kind', 'line.buffers');
    await page.click('#editor-add');
    const added = JSON.parse(await fileText(page)) as { line: { buffers: Array<{ name: string; capacity: number }> } };
    expect(added.line.buffers.map((b) => [b.name, b.capacity])).toEqual([
      ['B1', 6],
      ['B2', 4],
      ['B3', 4],
    ]);
    expect(await settled(page)).toBe('ok');
    await page.click('#editor .editor-thing button:has-text("Delete")');
    expect(await fileText(page)).toBe(before);

    // A negative capacity is a problem the checker names at the buffer (0 is direct transfer, valid).
    await page.mouse.click(b1.x, b1.y);
    await setField(page, '#editor .editor-thing input[data-path="line.buffers.0.capacity"]', '-1');
    expect(await settled(page)).toBe('invalid');
    expect((await issues(page)).map((i) => i.path)).toEqual(['line.buffers[0].capacity']);
    expect(await page.isDisabled('#editor-run')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('opens the field’s scenario from the toolbar’s Edit button, and a scenario file dropped on the editor', async () => {
    const errors: string[] = [];
    const page = await harness.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${harness.url}?scenario=warehouse/night-shift&paused=1`);
    await page.waitForFunction(() => window.__testfield !== undefined && window.__testfield.episode() > 0, undefined, { timeout: 60_000 });
    await page.click('#edit');
    await page.waitForFunction(() => window.__testfieldEditor?.isOpen() === true, undefined, { timeout: 60_000 });
    expect(await settled(page)).toBe('ok');
    const nightShift = JSON.parse(JSON.stringify(findScenario('warehouse/night-shift'))) as Record<string, unknown>;
    expect(JSON.parse(await fileText(page))).toEqual(nightShift);
    expect(await page.isHidden('#view')).toBe(true);

    // A file dropped on the editor opens in it; one that is not JSON is named and the drawing stays.
    const dropped = { ...nightShift, id: 'custom/dropped@1', fleet: [{ model: 'shelf-lifter', count: 99 }] };
    const drop = (text: string, name: string) =>
      page.evaluate(
        ([t, n]) => {
          const data = new DataTransfer();
          data.items.add(new File([t!], n!, { type: 'application/json' }));
          document.getElementById('editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        [text, name],
      );
    await drop(JSON.stringify(dropped), 'dropped.json');
    await page.waitForFunction(() => JSON.parse(window.__testfieldEditor!.text()).id === 'custom/dropped@1');
    expect(await settled(page)).toBe('invalid');
    expect((await issues(page)).map((i) => i.path)).toContain('fleet[0].count');
    expect(await page.textContent('#editor .editor-status')).toContain('dropped.json');
    await drop('{ "id": ', 'broken.json');
    await page.waitForFunction(() => document.querySelector('#editor .editor-message')?.textContent?.startsWith('broken.json is not valid JSON'));
    expect(JSON.parse(await fileText(page)).id).toBe('custom/dropped@1');

    // Close: back to the field as it was, the drawing kept for the next Edit.
    await page.click('#editor-close');
    expect(await page.isVisible('#canvas')).toBe(true);
    await page.click('#edit');
    await page.waitForFunction(() => window.__testfieldEditor!.isOpen());
    expect(JSON.parse(await fileText(page)).id).toBe('custom/dropped@1');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('traces a floor plan image under the grid and scales it by two reference points', async () => {
    const errors: string[] = [];
    const page = await openEditor('?edit=20x12', errors);
    expect(await page.isHidden('#editor .editor-message')).toBe(true);
    // A 400 × 200 px plan: white, with black walls drawn 300 px apart (so 10 m apart means 1/30 m a pixel).
    const png = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 400;
      c.height = 200;
      const g = c.getContext('2d')!;
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, 400, 200);
      g.fillStyle = '#000000';
      g.fillRect(45, 0, 10, 200);
      g.fillRect(345, 0, 10, 200);
      const blob = await new Promise<Blob>((done) => c.toBlob((b) => done(b!), 'image/png'));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await page.setInputFiles('#editor-plan-file', { name: 'hall.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await page.waitForFunction(() => window.__testfieldEditor!.plan() !== null);
    expect(await page.evaluate(() => window.__testfieldEditor!.plan())).toMatchObject({
      name: 'hall.png',
      widthPx: 400,
      heightPx: 200,
      xM: 0,
      zM: 0,
      mPerPx: 0.05,
    });
    // The plan shows through the floor cells: a pixel over a black wall line is dark, one over white paper is light.
    await page.fill('#editor-plan-opacity', '1');
    await page.dispatchEvent('#editor-plan-opacity', 'input');
    const dark = (await page.evaluate(() => window.__testfieldEditor!.planClientXY(50, 100)))!;
    const light = (await page.evaluate(() => window.__testfieldEditor!.planClientXY(150, 100)))!;
    await expect.poll(async () => (await pixelAt(page, dark.x, dark.y))[0]!, { timeout: 20_000 }).toBeLessThan(80);
    expect((await pixelAt(page, light.x, light.y))[0]).toBeGreaterThan(180);

    await page.click('#editor button[data-tool="plan-ref"]');
    for (const px of [50, 350]) {
      const p = (await page.evaluate((x) => window.__testfieldEditor!.planClientXY(x, 100), px))!;
      await page.mouse.click(p.x, p.y);
    }
    await setField(page, '#editor-plan-distance', '10');
    await page.click('#editor-plan-apply');
    const plan = (await page.evaluate(() => window.__testfieldEditor!.plan()))!;
    // Clicks land on whole pixels: within a pixel of 300 px for 10 m.
    expect(plan.mPerPx).toBeGreaterThan(10 / 302);
    expect(plan.mPerPx).toBeLessThan(10 / 298);
    // The plan is a tracing aid only: the file is the blank floor still.
    expect(JSON.parse(await fileText(page)).layout.rows[1]).toBe('#..................#');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
