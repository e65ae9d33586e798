import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { welchWarmupCheck } from '../../bench/analyse/report/replications.ts';
import { runBench, tempDir } from './bench-process.ts';

describe("Welch's warm-up check", () => {
  // A line whose rate ramps up over its first 10 minutes, then runs at 1 unit/s, in 3 replications.
  const ramped = (seedShift: number) => {
    const times: number[] = [];
    for (let t = 0; t < 3600; t += 1) {
      const rate = t < 600 ? t / 600 : 1;
      if ((t * 7 + seedShift) % 10 < rate * 10) times.push(t + 0.5);
    }
    return times;
  };
  const runs = [0, 3, 6].map(ramped);

  it('finds where the averaged throughput settles and flags a warm-up that ends before it', () => {
    const none = welchWarmupCheck(runs, 3600, 0);
    expect(none.settledSec).toBeGreaterThanOrEqual(360);
    expect(none.settledSec).toBeLessThanOrEqual(720);
    expect(none.tooShort).toBe(true);
    expect(welchWarmupCheck(runs, 3600, 900).tooShort).toBe(false);
  });

  it('a line at a steady rate from the start needs no warm-up', () => {
    const steady = [0, 1, 2].map((s) => Array.from({ length: 3600 }, (_, t) => t + 0.1 * s));
    expect(welchWarmupCheck(steady, 3600, 0)).toMatchObject({ settledSec: 0, tooShort: false });
  });
});

describe('bench run --replications', () => {
  it('runs seeds seed … seed + N − 1 and reports each KPI’s mean and 95 % interval, and the warm-up check', async () => {
    const file = join(tempDir('replications'), 'rep.json');
    const out = await runBench(['run', 'production/flow-line', '--replications', '4', '--minutes', '120', '--warmup-min', '10', '--json', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/sink\.throughputPerHour +\d+\.\d+ +\d+\.\d+/);
    expect(out.stdout).toMatch(/warm-up/);
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      seeds: number[];
      summary: Record<string, { n: number; mean: number; ci95: number }>;
      runs: Array<{ kpis: { things: { sink: { throughputPerHour: number } } } }>;
      warmupCheck: { warmupSec: number };
    };
    expect(json.seeds).toEqual([7, 8, 9, 10]);
    const values = json.runs.map((r) => r.kpis.things.sink.throughputPerHour);
    expect(new Set(values).size).toBeGreaterThan(1);
    const tp = json.summary['sink.throughputPerHour']!;
    expect(tp.n).toBe(4);
    expect(tp.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 4, 9);
    expect(tp.ci95).toBeGreaterThan(0);
    expect(json.warmupCheck.warmupSec).toBe(600);
    const bad = await runBench(['run', 'production/flow-line', '--replications', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--replications needs at least 2/);
    const noLine = await runBench(['run', 'warehouse/g2p-small', '--warmup-min', '1']);
    expect(noLine.code).toBe(2);
    expect(noLine.stderr).toMatch(/--warmup-min: warehouse\/g2p-small has no production line/);
  }, 120_000);
});
