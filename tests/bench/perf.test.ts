import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench, tempDir } from './bench-process.ts';

describe('bench perf', () => {
  it('writes a JSON list (one row per case, the median of --repeat runs) with real-time factor, per-tick split, ratio to bare physics and peak memory', async () => {
    const file = join(tempDir('perf'), 'perf.json');
    const out = await runBench([
      'perf',
      '--scenario',
      'warehouse/g2p-small',
      '--robots',
      '4',
      '--warmup-sec',
      '0.5',
      '--measure-sec',
      '0.5',
      '--repeat',
      '2',
      '--line',
      'production/flow-line',
      '--line-hours',
      '1',
      '--json',
      file,
    ]);
    expect(out.code, out.stderr).toBe(0);
    const all = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, number | string | boolean>>;
    // The production-line table: event speed against stepping every tick, on the same line.
    const lineRows = all.filter((r) => 'eventSpeedFactor' in r);
    expect(lineRows.map((r) => [r.scenario, r.eventSpeed, r.coveredTicks])).toEqual([['production/flow-line@1', true, 108_000]]);
    expect(Number(lineRows[0]!.steppedTicks)).toBeLessThan(3000);
    expect(Number(lineRows[0]!.eventSpeedFactor)).toBeGreaterThan(Number(lineRows[0]!.tickedFactor));
    expect(out.stdout).toMatch(/production\/flow-line@1 +\d+x +\d+\/108000 +\d+x/);
    const rows = all.filter((r) => !('eventSpeedFactor' in r)) as Array<Record<string, number | string>>;
    expect(rows.map((r) => [r.scenario, r.robots])).toEqual([['warehouse/g2p-small@1', 4]]);
    for (const r of rows) {
      for (const key of ['realTimeFactor', 'tickMs', 'physicsMs', 'controllerMs', 'bareReplayMs', 'ratioToBarePhysics', 'simRatioToBarePhysics', 'peakRssMb'])
        expect(r[key], key).toBeGreaterThan(0);
      // The simulator's own share leaves out the controller's decide time, so it is never the larger.
      expect(Number(r.simRatioToBarePhysics)).toBeCloseTo((Number(r.tickMs) - Number(r.controllerMs)) / Number(r.bareReplayMs), 1);
      expect(Number(r.simRatioToBarePhysics)).toBeLessThanOrEqual(Number(r.ratioToBarePhysics));
      expect(Number(r.physicsMs) + Number(r.controllerMs)).toBeLessThanOrEqual(Number(r.tickMs) + 1e-3);
      expect(Number(r.measuredTicks)).toBeGreaterThanOrEqual(30);
    }
    const bad = await runBench(['perf', '--scenario', 'warehouse/nope']);
    expect(bad.code).toBe(2);
  }, 120_000);
});
