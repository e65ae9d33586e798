/**
 * League of Robot Runners problems opened in the page (headless Chromium, software WebGL): the
 * problem JSON picked together with its map, agents and tasks files (or a `.map` dropped alone)
 * is read and imported in the worker and runs; a missing file is named; and a 10,000-robot
 * problem, generated here, is drawn (robot pixels) and plays while the page keeps drawing frames.
 * The frame-time figure itself is `bench/run/browser-frame-time-lorr.ts`'s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startHarness, type Harness } from '../../bench/run/browser/browser-harness.ts';

const ROOM = fileURLToPath(new URL('../fixtures/lorr/room.domain/', import.meta.url));
const ROOM_FILES = ['room-example_150.json', 'maps/room-64-64-16.map', 'agents/room-example_250.agents', 'tasks/room-example_250.tasks'].map((f) =>
  join(ROOM, f),
);

let harness: Harness;
let scratch: string;

beforeAll(async () => {
  harness = await startHarness();
  scratch = mkdtempSync(join(tmpdir(), 'testfield-lorr-page-'));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Picks files with the toolbar's *Open scenario* picker; resolves once `robots` robots are drawn
 * (the new field is on screen), or, with `robots` null, once an error shows.
 */
async function pick(page: Page, files: string[], robots: number | null): Promise<void> {
  await page.setInputFiles('#open-files', files);
  await page.waitForFunction(
    (n) => (n === null ? document.querySelector('#banner[data-kind="error"]') !== null : window.__testfield!.drawnCounts().robot === n),
    robots,
    { timeout: 180_000 },
  );
}

/** Canvas pixels that change when robots are hidden (robots drawn as meshes or, when tiny, as dots); compared in the page. */
async function robotPixels(page: Page): Promise<number> {
  const grab = (key: string) =>
    page.evaluate((k) => {
      const gl = document.getElementById('canvas') as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = gl.width;
      c.height = gl.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(gl, 0, 0);
      const store = ((globalThis as unknown as { __pixels?: Record<string, Uint8ClampedArray> }).__pixels ??= {});
      store[k] = ctx.getImageData(0, 0, c.width, c.height).data;
    }, key);
  await page.evaluate(() => window.__testfield!.showKind('robot', true));
  await grab('shown');
  await page.evaluate(() => window.__testfield!.showKind('robot', false));
  await grab('hidden');
  await page.evaluate(() => window.__testfield!.showKind('robot', true));
  return page.evaluate(() => {
    const { shown, hidden } = (globalThis as unknown as { __pixels: Record<string, Uint8ClampedArray> }).__pixels;
    let changed = 0;
    for (let i = 0; i < shown!.length; i += 4) {
      if (Math.abs(shown![i]! - hidden![i]!) + Math.abs(shown![i + 1]! - hidden![i + 1]!) + Math.abs(shown![i + 2]! - hidden![i + 2]!) > 30) changed += 1;
    }
    return changed;
  });
}

/**
 * A LoRR problem of `robots` robots on a `cols` × `rows` map with 4 × 4 obstacle blocks every 12
 * cells, agents and single-cell tasks spread over the free cells; written to `dir`.
 */
function writeProblem(dir: string, robots: number, cols: number, rows: number, tasks: number): string[] {
  const lines: string[] = [];
  const free: number[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const blocked = r % 12 >= 4 && r % 12 < 8 && c % 12 >= 4 && c % 12 < 8;
      line += blocked ? '@' : '.';
      if (!blocked) free.push(r * cols + c);
    }
    lines.push(line);
  }
  const step = Math.floor(free.length / robots);
  const agents = Array.from({ length: robots }, (_, k) => free[k * step]!);
  const goals = Array.from({ length: tasks }, (_, k) => free[(k * 7919 + 13) % free.length]!);
  const files = {
    [`gen-${robots}.json`]: JSON.stringify({
      mapFile: `maps/gen-${cols}x${rows}.map`,
      agentFile: `agents/gen-${robots}.agents`,
      taskFile: `tasks/gen-${robots}.tasks`,
      teamSize: robots,
      numTasksReveal: 1,
      version: '2026 LoRR',
    }),
    [`gen-${cols}x${rows}.map`]: `type octile\nheight ${rows}\nwidth ${cols}\nmap\n${lines.join('\n')}\n`,
    [`gen-${robots}.agents`]: `${robots}\n${agents.join('\n')}\n`,
    [`gen-${robots}.tasks`]: `${tasks}\n${goals.join('\n')}\n`,
  };
  return Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

describe('LoRR problems opened in the page', () => {
  it('runs a problem picked with its map, agents and tasks files', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1&controller=pibt', errors);
    await pick(page, ROOM_FILES, 150);
    expect(await page.isHidden('#banner[data-kind="error"]')).toBe(true);
    expect(await page.evaluate(() => window.__testfield!.drawnCounts().robot)).toBe(150);
    expect(await page.textContent('#scenario option:checked')).toContain('import/lorr-room-example-150@1');
    const t0 = await page.evaluate(() => window.__testfield!.tick());
    await page.evaluate(() => window.__testfield!.setPlaying(true));
    await page.waitForFunction((t) => window.__testfield!.tick() > t + 30, t0, { timeout: 60_000 });
    expect(await robotPixels(page)).toBeGreaterThan(500);
    // Reset reloads the opened files from the worker.
    const episode = await page.evaluate(() => window.__testfield!.episode());
    await page.click('#reset');
    await page.waitForFunction((e0) => window.__testfield!.episode() > e0, episode, { timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById('banner')!.hidden);
    expect(await page.evaluate(() => window.__testfield!.drawnCounts().robot)).toBe(150);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the file a problem needs that was not picked, and a bad map line; a .map dropped alone runs', async () => {
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1&controller=pibt', errors);
    await pick(
      page,
      ROOM_FILES.filter((f) => !f.endsWith('.map')),
      null,
    );
    expect(await page.textContent('#banner strong')).toBe('Cannot import room-example_150.json: 1 problem');
    expect(await page.textContent('#banner li')).toContain('room-64-64-16.map was not among the chosen files');

    const badMap = join(scratch, 'room-64-64-16.map');
    writeFileSync(badMap, 'type octile\nheight 2\nwidth 3\nmap\n..\n...\n');
    await page.evaluate(() => document.getElementById('banner')!.removeAttribute('data-kind'));
    await pick(page, [ROOM_FILES[0]!, badMap, ROOM_FILES[2]!, ROOM_FILES[3]!], null);
    expect(await page.textContent('#banner')).toMatch(/maps\/room-64-64-16\.map:\d+: /);
    expect(await page.textContent('#banner')).not.toMatch(/\bat \w+ \(|Error:/);

    const episode = await page.evaluate(() => window.__testfield!.episode());
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'room.map'));
        document.getElementById('view')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      readFileSync(ROOM_FILES[1]!, 'utf8'),
    );
    await page.waitForFunction((e0) => window.__testfield!.episode() > e0 && window.__testfield!.drawnCounts().robot === 10, episode, { timeout: 60_000 });
    expect(await page.textContent('#scenario option:checked')).toContain('room.map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a 10,000-robot problem and keeps drawing frames while the worker steps it', async () => {
    const files = writeProblem(scratch, 10_000, 400, 300, 3000);
    const errors: string[] = [];
    const page = await openPage(harness, '?paused=1&controller=pibt', errors, { width: 960, height: 600 });
    await pick(page, files, 10_000);
    expect(await page.isHidden('#banner[data-kind="error"]')).toBe(true);
    expect(await page.evaluate(() => window.__testfield!.drawnCounts().robot)).toBe(10_000);
    // Seen whole, a 0.6 m robot is about a pixel: robots show as dots (hidden, those pixels change).
    const canvasPixels = await page.evaluate(() => {
      const c = document.getElementById('canvas') as HTMLCanvasElement;
      return c.width * c.height;
    });
    expect((await robotPixels(page)) / canvasPixels).toBeGreaterThan(0.02);

    await page.evaluate(() => window.__testfield!.setPlaying(true));
    await page.waitForFunction(() => window.__testfield!.tick() > 0, undefined, { timeout: 180_000 });
    await page.evaluate(() => window.__testfield!.clearFrameMs());
    const tick0 = await page.evaluate(() => window.__testfield!.tick());
    await page.waitForFunction((t) => window.__testfield!.tick() > t + 2, tick0, { timeout: 180_000 });
    const frames = await page.evaluate(() => window.__testfield!.frameMs());
    // The page drew frames all along (the worker's ticks never block it) and each frame's time was measured.
    expect(frames.length).toBeGreaterThan(5);
    expect(frames.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(
      `10,000 robots: ${frames.length} frames, main-thread p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1]!.toFixed(2)} ms (the figure is the bench's)`,
    );
    expect(await page.isHidden('#banner[data-kind="error"]')).toBe(true);
    await page.screenshot({ path: `test-results/${basename('lorr-10000.png')}` });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
