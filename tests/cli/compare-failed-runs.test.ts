import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench, tempDir } from '../bench/bench-process.ts';

describe('bench compare with failing runs', () => {
  it('marks failed runs, leaves them out of the means and fails the verdict (exit 1)', async () => {
    const dir = tempDir('compare-failed');
    const json = join(dir, 'ab.json');
    const out = await runBench([
      'compare',
      '--a',
      'greedy',
      '--b',
      './tests/fixtures/controllers/throwing-controller.ts',
      '--scenario',
      'warehouse/g2p-small',
      '--robots',
      '3',
      '--minutes',
      '0.5',
      '--seeds',
      '2',
      '--workers',
      '1',
      '--out',
      join(dir, 'runs'),
      '--json',
      json,
    ]);
    expect(out.code, out.stderr).toBe(1);
    expect(out.stderr).toMatch(/^B \(\.\/tests\/fixtures\/controllers\/throwing-controller\.ts\) seed 1 failed, left out of the means: controller failed/m);
    expect(out.stderr).toMatch(/^error: verdict FAILED: 2 of 4 runs failed \(A 0, B 2\)/m);
    const ab = JSON.parse(readFileSync(json, 'utf8')) as {
      verdict: string;
      failedRuns: { a: unknown[]; b: { seed: number }[] };
      kpis: { kpi: string; a: { n: number }; b: { n: number } }[];
    };
    expect(ab.verdict).toBe('failed');
    expect(ab.failedRuns.a).toEqual([]);
    expect(ab.failedRuns.b.map((f) => f.seed)).toEqual([1, 2]);
    const throughput = ab.kpis.find((k) => k.kpi === 'throughputPerHour')!;
    expect(throughput.a.n).toBe(2);
    expect(throughput.b.n, 'failed runs are not averaged in').toBe(0);
  }, 120_000);
});
