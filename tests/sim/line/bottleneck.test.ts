import { describe, expect, it } from 'vitest';
import { activePeriodBottleneck } from '../../../sim/kinds/line/active-period-bottleneck.ts';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec, runEach } from './line-helpers.ts';

describe('active-period bottleneck (the method on hand-made periods)', () => {
  it('the longest active period at each instant is the bottleneck; the overlap where it passes to another machine is shifting for both', () => {
    // A active 0–10, B active 8–20: A rules 0–8, B (the longer period) 8–20; they overlap 8–10.
    const { sole, shifting } = activePeriodBottleneck(
      [
        [0, 10],
        [8, 20],
      ],
      0,
      20,
    );
    expect(sole).toEqual([8 / 20, 10 / 20]);
    expect(shifting).toEqual([2 / 20, 2 / 20]);
  });

  it('a machine never active is never the bottleneck; time no machine is active counts for none', () => {
    const { sole, shifting } = activePeriodBottleneck([[0, 4, 6, 10], [], [2, 3]], 0, 12);
    expect(sole).toEqual([8 / 12, 0, 0]);
    expect(shifting).toEqual([0, 0, 0]);
  });

  it('a shorter period inside a longer one does not take over', () => {
    const { sole, shifting } = activePeriodBottleneck(
      [
        [0, 30],
        [5, 10, 12, 20],
      ],
      0,
      30,
    );
    expect(sole).toEqual([1, 0]);
    expect(shifting).toEqual([0, 0]);
  });
});

const kpisOf = async (spec: ReturnType<typeof flowSpec>) => {
  const host = await makeHost({ spec, seed: 2, controller: 'greedy' });
  runEach(host, () => {});
  const k = host.kpis().things!.machine!;
  host.dispose();
  return k;
};

describe('bottleneck verdict of a line', () => {
  it('a fixed-time line: the slowest machine works without a break and is the bottleneck all the time after the start', async () => {
    const k = await kpisOf(
      flowSpec({ stations: [10, 15, 10].map((sec) => ({ process: { dist: 'fixed' as const, sec } })), bufferCapacity: 2, name: 'bn' }, 3600),
    );
    expect(k.bottleneckMachine).toBe(1);
    // M1 alone works 0–10 s (sole); M2 starts at 10 s and never stops; M1 works on until B1 fills (about 80 s): shifting while both are active.
    expect(k['M1.bottleneckSole']).toBeCloseTo(10 / 3600, 4);
    expect(k['M2.bottleneckSole']! + k['M2.bottleneckShifting']!).toBeCloseTo(1 - 10 / 3600, 3);
    expect(k['M2.bottleneckShifting']).toBeGreaterThan(0.01);
    expect(k['M2.bottleneckShifting']).toBeLessThan(0.03);
    expect(k['M3.bottleneckSole']! + k['M3.bottleneckShifting']!).toBe(0);
  }, 60_000);

  it('a machine with long failures is the bottleneck although its process time is not the longest (OEE would name the slowest)', async () => {
    const k = await kpisOf(
      flowSpec(
        {
          stations: [
            { process: { dist: 'exponential', meanSec: 1 } },
            { process: { dist: 'exponential', meanSec: 0.8 }, mtbfSec: 60, mttrSec: 30 },
            { process: { dist: 'exponential', meanSec: 1.05 } },
          ],
          bufferCapacity: 3,
          name: 'bn',
        },
        7200,
      ),
    );
    expect(k.bottleneckMachine).toBe(1);
    expect(k['M2.bottleneckSole']).toBeGreaterThan(k['M1.bottleneckSole']!);
    expect(k['M2.bottleneckSole']).toBeGreaterThan(k['M3.bottleneckSole']!);
    // Shifting bottlenecks: several machines carry a shifting share, and shares are within [0, 1].
    for (const m of ['M1', 'M2', 'M3'])
      for (const f of ['bottleneckSole', 'bottleneckShifting']) expect(k[`${m}.${f}`]).toBeGreaterThanOrEqual(0), expect(k[`${m}.${f}`]).toBeLessThanOrEqual(1);
    expect(k['M2.bottleneckShifting']).toBeGreaterThan(0);
  }, 60_000);
});
