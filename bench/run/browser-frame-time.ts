/**
 * Main-thread JavaScript time per animation frame of the browser test field, for 100 and 1000
 * robots (headless Chromium, software WebGL). GPU time is not included: only our rAF work and
 * message handling, measured in the page with `performance.now()`. Also the time from
 * navigation start to the first frame drawn with the robots (a fresh page: bundle, worker and
 * physics start-up, scenario compile, first frame), after one unmeasured page has started the
 * browser's renderer and GPU processes.
 *
 *   npx tsx bench/run/browser-frame-time.ts [--robots 100,1000] [--seconds 12] [--json out.json]
 *
 * 1000 robots do not fit g2p-small's floor, so its layout is widened (interior columns repeated)
 * until they do; the spec is served beside the app and the page opened on it with
 * `?scenario=<file>&robots=N&paused=1`, then played.
 */
import { writeFileSync } from 'node:fs';
import { findScenario } from '../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../sim/index.ts';
import { openPage, startHarness } from './browser/browser-harness.ts';

interface Figures {
  robots: number;
  /** Navigation start to the first frame drawn with poses, milliseconds. */
  firstFrameMs: number;
  frames: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  ticksPerSec: number;
}

/** g2p-small with its interior columns repeated `copies` times (walls kept at both ends). */
function widen(spec: ScenarioSpecInput, copies: number): ScenarioSpecInput {
  const rows = spec.layout.rows.map((row) => row[0] + row.slice(1, -1).repeat(copies) + row[row.length - 1]);
  return { ...spec, id: 'warehouse/g2p-wide@1', title: `g2p-small widened ×${copies}`, layout: { ...spec.layout, rows } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const counts = (arg('--robots') ?? '100,1000').split(',').map(Number);
  const seconds = Number(arg('--seconds') ?? 12);
  const json = arg('--json');
  const base = findScenario('warehouse/g2p-small')!;
  const harness = await startHarness();
  const results: Figures[] = [];
  try {
    // A first page starts the browser's renderer and GPU processes: not part of any count's figures.
    await (await openPage(harness, '?paused=1', [], { width: 960, height: 600 })).close();
    for (const robots of counts) {
      const errors: string[] = [];
      const copies = Math.max(1, Math.ceil(robots / 80));
      const file = harness.serveFile(`bench-scenarios/g2p-wide-${copies}.json`, JSON.stringify(widen(base, copies)));
      const page = await openPage(harness, `?scenario=${encodeURIComponent(file)}&robots=${robots}&paused=1`, errors, { width: 960, height: 600 });
      await page.waitForFunction(() => window.__testfield!.firstFrameMs() !== null, undefined, { timeout: 60_000 });
      const firstFrameMs = (await page.evaluate(() => window.__testfield!.firstFrameMs()))!;
      const drawn = (await page.evaluate(() => window.__testfield!.drawnCounts())).robot ?? 0;
      if (drawn !== robots) throw new Error(`asked for ${robots} robots, the page draws ${drawn}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`);
      await page.evaluate(() => window.__testfield!.setPlaying(true));
      await page.waitForTimeout(3000);
      const tick0 = await page.evaluate(() => window.__testfield!.tick());
      await page.evaluate(() => window.__testfield!.clearFrameMs());
      await page.waitForTimeout(seconds * 1000);
      const samples = await page.evaluate(() => window.__testfield!.frameMs());
      const tick1 = await page.evaluate(() => window.__testfield!.tick());
      const sorted = [...samples].sort((a, b) => a - b);
      results.push({
        robots,
        firstFrameMs: round(firstFrameMs),
        frames: samples.length,
        meanMs: round(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)),
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
        ticksPerSec: round((tick1 - tick0) / seconds),
      });
      if (errors.length > 0) console.error(`console errors with ${robots} robots:\n  ${errors.join('\n  ')}`);
      await page.close();
    }
  } finally {
    await harness.close();
  }
  console.log('robots  frames  mean ms  p50 ms  p95 ms  max ms  ticks/s  first frame ms');
  for (const r of results) {
    console.log(
      [r.robots, r.frames, r.meanMs, r.p50Ms, r.p95Ms, r.maxMs, r.ticksPerSec, r.firstFrameMs]
        .map((v, i) => String(v).padStart(i === 0 ? 6 : i === 7 ? 15 : 7))
        .join(' '),
    );
  }
  if (json) writeFileSync(json, `${JSON.stringify({ seconds, results }, null, 2)}\n`);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
