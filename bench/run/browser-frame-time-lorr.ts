/**
 * The browser test field at the scale of a League of Robot Runners problem: opens the problem
 * through the page's *Open scenario* picker (the problem JSON with the map, agents and tasks
 * files it names; or a scenario `.json` / a `.map` alone), then reports main-thread JavaScript
 * milliseconds per animation frame, paused and playing, and the worker's tick rate. Headless
 * Chromium with software WebGL, built and served as the end-to-end tests do.
 *
 *   npx tsx bench/run/browser-frame-time-lorr.ts --open <Start-Kit>/example_problems/iron_harvest.domain/iron-example_10000.json \
 *     [--controller pibt] [--seconds 30] [--orbit] [--json out.json]
 *
 * A frame's time is what the page measures (`App.frameMs`): the rAF work (pose upload, render
 * calls, panels) plus everything a worker result triggered since the last frame; GPU time and
 * the worker's time are not in it. The tick rate is ticks per wall second while playing at ×1
 * (the real-time factor is that over the scenario's 30 Hz). `--orbit` adds a third window in
 * which the mouse keeps dragging the camera round, so every frame redraws the whole field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, startHarness } from './browser/browser-harness.ts';

/** Milliseconds between polls of the page's frame samples (it keeps the last 600). */
const POLL_MS = 2000;

interface FrameFigures {
  frames: number;
  framesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The files to hand the picker: a LoRR problem JSON brings the files it names (relative to it). */
export function filesToOpen(path: string): string[] {
  const abs = resolve(path);
  if (!abs.endsWith('.json')) return [abs];
  const json = JSON.parse(readFileSync(abs, 'utf8')) as Record<string, unknown>;
  const named = ['mapFile', 'agentFile', 'taskFile'].map((k) => json[k]).filter((v): v is string => typeof v === 'string');
  return [abs, ...named.map((rel) => resolve(dirname(abs), rel))];
}

/** Robots the opened file should put on the field: a LoRR problem's `teamSize`, a scenario's fleet, a bare map's default 10. */
function robotsIn(path: string): number {
  if (!path.endsWith('.json')) return 10;
  const json = JSON.parse(readFileSync(path, 'utf8')) as { teamSize?: number; fleet?: Array<{ count?: number }> };
  return json.teamSize ?? (json.fleet ?? []).reduce((n, f) => n + (f.count ?? 0), 0);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Collects the page's frame times for `seconds` (polling, since the page keeps only the newest 600). */
async function sampleFrames(page: Page, seconds: number, orbit = false): Promise<{ figures: FrameFigures; ticks: number }> {
  let stop = false;
  const dragging = orbit ? dragAround(page, () => stop) : null;
  await page.evaluate(() => window.__testfield!.clearFrameMs());
  const tick0 = await page.evaluate(() => window.__testfield!.tick());
  const samples: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    await page.waitForTimeout(Math.min(POLL_MS, seconds * 1000 - (Date.now() - t0)));
    samples.push(
      ...(await page.evaluate(() => {
        const f = window.__testfield!.frameMs();
        window.__testfield!.clearFrameMs();
        return f;
      })),
    );
  }
  stop = true;
  await dragging;
  const wallSec = (Date.now() - t0) / 1000;
  const ticks = (await page.evaluate(() => window.__testfield!.tick())) - tick0;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    figures: {
      frames: samples.length,
      framesPerSec: round(samples.length / wallSec),
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? 0),
    },
    ticks: ticks / wallSec,
  };
}

/** Drags across the canvas with the left button (the orbit control turns the camera) until `done()`. */
async function dragAround(page: Page, done: () => boolean): Promise<void> {
  const box = (await page.locator('#canvas').boundingBox())!;
  const y = box.y + box.height * 0.6;
  while (!done()) {
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let k = 1; k <= 20 && !done(); k++) await page.mouse.move(box.x + box.width * (0.3 + 0.02 * k), y);
    await page.mouse.up();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const open = arg('--open');
  if (!open)
    throw new Error('usage: browser-frame-time-lorr.ts --open <problem.json | scenario.json | map.map> [--controller pibt] [--seconds 30] [--json out.json]');
  const controller = arg('--controller') ?? 'pibt';
  const seconds = Number(arg('--seconds') ?? 30);
  const json = arg('--json');
  const orbit = args.includes('--orbit');
  const files = filesToOpen(open);
  const harness = await startHarness();
  try {
    const errors: string[] = [];
    const page = await openPage(harness, `?paused=1&controller=${encodeURIComponent(controller)}`, errors, { width: 960, height: 600 });
    const expected = robotsIn(files[0]!);
    const t0 = Date.now();
    await page.setInputFiles('#open-files', files);
    // The new field is on screen once its robots are drawn (the episode token changes a moment before).
    await page.waitForFunction(
      (n) => window.__testfield!.drawnCounts().robot === n || document.querySelector('#banner[data-kind="error"]') !== null,
      expected,
      {
        timeout: 300_000,
      },
    );
    const refused = await page.$('#banner[data-kind="error"]');
    if (refused) throw new Error(`the page refused ${open}: ${await refused.textContent()}`);
    const robots = (await page.evaluate(() => window.__testfield!.drawnCounts())).robot ?? 0;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const openSec = (Date.now() - t0) / 1000;
    const paused = await sampleFrames(page, Math.min(10, seconds));
    await page.evaluate(() => window.__testfield!.setPlaying(true));
    const t1 = Date.now();
    await page.waitForFunction(() => window.__testfield!.tick() > 0, undefined, { timeout: 300_000 });
    const firstTickSec = (Date.now() - t1) / 1000;
    const playing = await sampleFrames(page, seconds);
    const orbiting = orbit ? await sampleFrames(page, Math.min(20, seconds), true) : null;
    await page.screenshot({ path: 'test-results/lorr-page.png', timeout: 120_000 }).catch(() => undefined);
    const hz = 30;
    const result = {
      open,
      controller,
      robots,
      openToDrawnSec: round(openSec),
      firstTickSec: round(firstTickSec),
      paused: paused.figures,
      playing: playing.figures,
      ...(orbiting ? { orbiting: orbiting.figures } : {}),
      ticksPerSec: round(playing.ticks),
      realTimeFactor: round(playing.ticks / hz),
      consoleErrors: errors,
    };
    console.log(
      `${open}: ${robots} robots drawn ${result.openToDrawnSec} s after the files were picked (read, import, compile, first frame); controller ${controller}`,
    );
    console.log('state     frames  frames/s  p50 ms  p95 ms  p99 ms  max ms');
    const rows: Array<[string, FrameFigures]> = [
      ['paused', paused.figures],
      ['playing', playing.figures],
    ];
    if (orbiting) rows.push(['orbiting', orbiting.figures]);
    for (const [name, f] of rows)
      console.log([name.padEnd(8), f.frames, f.framesPerSec, f.p50Ms, f.p95Ms, f.p99Ms, f.maxMs].map((v, i) => String(v).padStart(i === 0 ? 8 : 7)).join(' '));
    console.log(`worker: ${result.ticksPerSec} ticks/s while playing (${result.realTimeFactor}× real time), first tick ${result.firstTickSec} s after Play`);
    if (errors.length > 0) console.error(`console errors:\n  ${errors.join('\n  ')}`);
    if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
