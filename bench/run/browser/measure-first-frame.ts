/**
 * Time to the first frame of the browser test field as `npm start` serves it: `testfield open`
 * (vite's dev server on the package's `vite.config.ts`) and a fresh headless Chromium page, from
 * the start of the first navigation to the first frame drawn with poses (the page's
 * `testfield:first-frame` mark), and to the first paint of anything readable
 * (`first-contentful-paint`). A reload on the way (vite reloads the page when it finds a
 * dependency to pre-bundle only once the page asked for it) is counted in, not restarted from:
 * the first document's time origin is kept in `sessionStorage`. Each load starts a new server
 * process; cold ones with an empty dependency cache (as after `rm -rf node_modules/.vite`), warm
 * ones on the cache the cold one left. Every page is a new browser context (no HTTP cache), like a
 * new visitor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser-harness.ts';

/** One page load. */
export interface FirstFrameSample {
  /** Navigation start to the first paint with text on it, milliseconds. */
  firstPaintMs: number;
  /** Navigation start to the first frame drawn with poses, milliseconds. */
  firstFrameMs: number;
  /** Times the page was reloaded before its first frame (vite's dependency optimizer). */
  reloads: number;
}

/** Medians of `runs` page loads, cold and warm. */
export interface FirstFrameFigures {
  query: string;
  runs: number;
  cold: { samples: FirstFrameSample[]; firstPaintMs: number; firstFrameMs: number };
  warm: { samples: FirstFrameSample[]; firstPaintMs: number; firstFrameMs: number };
}

/** Options of {@link measureFirstFrame}. */
export interface FirstFrameOptions {
  /** Page loads per condition (the median is reported). */
  runs: number;
  /** The page's query string (`?scenario=…`), empty for the README's `npm start` page. */
  query?: string;
  /** Gives up on a page load after this many milliseconds. */
  timeoutMs?: number;
  /** The package folder whose `bench/cli/cli.ts`, `vite.config.ts` and `node_modules` serve the page (default: this package). */
  cwd?: string;
  /** Called after each page load. */
  onSample?: (condition: 'cold' | 'warm', sample: FirstFrameSample) => void;
}

/** This package's folder. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Starts `npm start`'s command (`tsx bench/cli/cli.ts open`) in a process of its own (cold: after
 * removing vite's dependency cache, `node_modules/.vite`), and resolves with its URL once it listens.
 */
function startDevServer(cwd: string, cold: boolean): Promise<{ child: ChildProcess; url: string }> {
  const tsx = join(cwd, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  if (cold) rmSync(join(cwd, 'node_modules', '.vite'), { recursive: true, force: true });
  const child = spawn(process.execPath, [tsx, join(cwd, 'bench', 'cli.ts'), 'open', '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open at (http:\/\/\S+)/.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ child, url: match[1]!.endsWith('/') ? match[1]! : `${match[1]}/` });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`testfield open exited (${code}) before it listened:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function loadOnce(browser: Browser, url: string, timeoutMs: number): Promise<FirstFrameSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    // Each document notes the first one's time origin and first paint (the tab's sessionStorage outlives a reload) and counts the reloads.
    await page.addInitScript(() => {
      const first = sessionStorage.getItem('testfield-bench:origin');
      if (first === null) sessionStorage.setItem('testfield-bench:origin', String(performance.timeOrigin));
      else sessionStorage.setItem('testfield-bench:reloads', String(Number(sessionStorage.getItem('testfield-bench:reloads') ?? '0') + 1));
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint && sessionStorage.getItem('testfield-bench:paint') === null)
          sessionStorage.setItem('testfield-bench:paint', String(performance.timeOrigin + paint.startTime));
      }).observe({ type: 'paint', buffered: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('testfield:first-frame').length > 0, undefined, { timeout: timeoutMs, polling: 50 });
    return await page.evaluate(() => {
      const origin = Number(sessionStorage.getItem('testfield-bench:origin') ?? performance.timeOrigin);
      const paint = sessionStorage.getItem('testfield-bench:paint');
      return {
        firstFrameMs: performance.timeOrigin - origin + performance.getEntriesByName('testfield:first-frame')[0]!.startTime,
        firstPaintMs: paint === null ? Number.NaN : Number(paint) - origin,
        reloads: Number(sessionStorage.getItem('testfield-bench:reloads') ?? '0'),
      };
    });
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const summary = (samples: FirstFrameSample[]) => ({
  samples,
  firstPaintMs: Math.round(median(samples.map((s) => s.firstPaintMs))),
  firstFrameMs: Math.round(median(samples.map((s) => s.firstFrameMs))),
});

/**
 * Measures `runs` cold and `runs` warm page loads, alternately: a cold load is a new `vite`
 * process on no dependency cache (pre-bundled afresh), the warm one after it a new `vite` process on the
 * cache the cold one wrote.
 */
export async function measureFirstFrame(options: FirstFrameOptions): Promise<FirstFrameFigures> {
  const query = options.query ?? '';
  const timeoutMs = options.timeoutMs ?? 120_000;
  const cwd = options.cwd ?? PACKAGE_ROOT;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const cold: FirstFrameSample[] = [];
  const warm: FirstFrameSample[] = [];
  try {
    // One unmeasured page starts the browser's renderer and GPU processes.
    await (await browser.newPage()).close();
    for (let i = 0; i < options.runs; i++) {
      for (const [condition, list] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const { child, url } = await startDevServer(cwd, condition === 'cold');
        try {
          const sample = await loadOnce(browser, url + query, timeoutMs);
          list.push(sample);
          options.onSample?.(condition, sample);
        } finally {
          await stop(child);
        }
      }
    }
  } finally {
    await browser.close();
  }
  return { query, runs: options.runs, cold: summary(cold), warm: summary(warm) };
}
