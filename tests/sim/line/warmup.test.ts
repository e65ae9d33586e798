import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/index.ts';
import { robotModels } from '../../../robots/index.ts';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec, runEach } from './line-helpers.ts';

/**
 * Five machines with fixed times 20, 22, 24, 21, 20 s behind a saturated source, buffers of 4:
 * in the long run M3 (24 s) works all the time and the line makes exactly 3600 / 24 = 150 units/h.
 * Started empty, the first unit reaches the sink only at 107 s, so a run's throughput reads low
 * by about 83 s / horizon: a 1 h run is 2.7 % low, and only a 10 h run is within 1 %.
 */
const stations = [20, 22, 24, 21, 20].map((sec) => ({ process: { dist: 'fixed' as const, sec } }));
const LONG_RUN_PER_HOUR = 150;

async function lineKpis(horizonSec: number, warmupSec?: number, overrides?: { warmupMin: number }) {
  const spec = flowSpec({ stations, bufferCapacity: 4, name: 'warmup', ...(warmupSec !== undefined ? { warmupSec } : {}) }, horizonSec);
  const host = await makeHost({ spec, controller: 'greedy', ...(overrides ? { overrides } : {}) });
  const started: unknown[] = [];
  runEach(host, (e) => {
    if (e.type === 'line.started') started.push(e);
  });
  const kpis = host.kpis().things!;
  host.dispose();
  return { sink: kpis.sink!, machine: kpis.machine!, started };
}

const error = (perHour: number) => (perHour - LONG_RUN_PER_HOUR) / LONG_RUN_PER_HOUR;

describe('warm-up: line KPIs leave out the transient of a line started empty', () => {
  it('with a 10 min warm-up a 1 h run is within 1 % of the long-run throughput; without, only a 10 h run is', async () => {
    const short = await lineKpis(3600);
    const long = await lineKpis(36_000);
    const warmed = await lineKpis(3600, 600);
    console.log(
      `warm-up: 1 h without ${short.sink.throughputPerHour} units/h (${(error(short.sink.throughputPerHour!) * 100).toFixed(2)} %), 10 h without ${long.sink.throughputPerHour} (${(error(long.sink.throughputPerHour!) * 100).toFixed(2)} %), 1 h with 10 min warm-up ${warmed.sink.throughputPerHour} (${(error(warmed.sink.throughputPerHour!) * 100).toFixed(2)} %)`,
    );
    expect(Math.abs(error(short.sink.throughputPerHour!))).toBeGreaterThan(0.02);
    expect(Math.abs(error(long.sink.throughputPerHour!))).toBeLessThan(0.01);
    expect(Math.abs(error(warmed.sink.throughputPerHour!))).toBeLessThan(0.01);
    // Units 21…145 of the 24 s beat complete at 107 + 24k s within [600, 3600): 125 units over 50 min.
    expect(warmed.sink.unitsCompleted).toBe(125);
    expect(warmed.sink.warmupSec).toBe(600);
    expect(short.sink.warmupSec).toBeUndefined();
    // Every machine KPI covers the 50 min after it too: the bottleneck M3 never starves once it started.
    expect(warmed.machine['M3.working']).toBe(1);
    expect(short.machine['M3.working']).toBeLessThan(1);
    expect(warmed.machine['M3.units']).toBe(125);
    for (const m of ['M1', 'M2', 'M3', 'M4', 'M5']) {
      const sum = ['idle', 'working', 'blocked', 'starved', 'down', 'setup'].reduce((s, k) => s + warmed.machine[`${m}.${k}`]!, 0);
      expect(sum).toBeCloseTo(1, 3);
      expect(warmed.machine[`${m}.idle`]).toBe(0);
    }
  }, 120_000);

  it('the warm-up is carried by line.started (only when there is one) and can come from the host (`--warmup-min`)', async () => {
    const viaOverride = await lineKpis(3600, undefined, { warmupMin: 10 });
    const viaSpec = await lineKpis(3600, 600);
    expect(viaOverride.sink).toEqual(viaSpec.sink);
    expect(viaOverride.started).toEqual([expect.objectContaining({ warmupSec: 600 })]);
    const none = await lineKpis(120);
    expect(none.started[0]).not.toHaveProperty('warmupSec');
  }, 60_000);

  it('a warm-up that does not end before the horizon is named', () => {
    const spec = flowSpec({ stations, bufferCapacity: 4, name: 'warmup', warmupSec: 600 }, 600);
    expect(validateScenario(spec, robotModels)).toEqual([
      { path: 'line.warmupSec', message: 'the warm-up (600 s) must end before the horizon (600 s): no KPI would be left' },
    ]);
  });
});
