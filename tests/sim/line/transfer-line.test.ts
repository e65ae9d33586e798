import { describe, expect, it } from 'vitest';
import type { ScenarioSpecInput } from '../../../sim/index.ts';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec, runEach } from './line-helpers.ts';
import { exactLineThroughput } from './serial-line-chain.ts';

describe('the exact chain of a serial exponential line (the yardstick itself)', () => {
  it('gives the textbook values: two machines μ(B + 2)/(B + 3); 3 and 4 equal machines without buffers 0.5641 and 0.5148 (Hillier and Boling)', () => {
    for (const B of [0, 1, 2, 5]) expect(exactLineThroughput({ rates: [1, 1], capacities: [B] }).throughput).toBeCloseTo((B + 2) / (B + 3), 12);
    expect(exactLineThroughput({ rates: [1, 1, 1], capacities: [0, 0] }).throughput).toBeCloseTo(0.5641, 4);
    expect(exactLineThroughput({ rates: [1, 1, 1, 1], capacities: [0, 0, 0] }).throughput).toBeCloseTo(0.5148, 4);
  });

  it('blocking before service with capacity N behaves as blocking after service with N − 1', () => {
    expect(exactLineThroughput({ rates: [1, 1.3], capacities: [3], beforeService: true }).throughput).toBeCloseTo(
      exactLineThroughput({ rates: [1, 1.3], capacities: [2] }).throughput,
      12,
    );
  });
});

/** Simulated units per second at the sink over `horizonSec` (and the units), from `unit.completed` events. */
async function simulate(spec: ScenarioSpecInput, seed: number): Promise<{ throughput: number; units: number }> {
  const host = await makeHost({ spec, seed, controller: 'greedy' });
  let units = 0;
  runEach(host, (e) => {
    if (e.type === 'unit.completed') units++;
  });
  expect(host.kpis().things!.sink!.unitsCompleted).toBe(units);
  host.dispose();
  return { throughput: units / spec.horizonSec!, units };
}

/** Horizon giving about 22,000 units at the exact throughput (≥ 20,000 whatever the noise). */
const horizonFor = (exact: number) => Math.ceil(22_000 / exact / 10) * 10;

// Rates of about 20 units/s: several events per 30 Hz tick, so exact sub-tick event times matter.
const cases = [
  { label: '2 machines, no buffer', rates: [20, 20], capacities: [0] },
  { label: '2 machines, no buffer, unequal', rates: [20, 14], capacities: [0] },
  { label: '2 machines, buffer 2', rates: [18, 20], capacities: [2] },
  { label: '3 machines, no buffers', rates: [20, 20, 20], capacities: [0, 0] },
  { label: '3 machines, buffers 1/1', rates: [20, 16, 18], capacities: [1, 1] },
  { label: '4 machines, no buffers', rates: [20, 20, 20, 20], capacities: [0, 0, 0] },
  { label: '4 machines, buffers 2/1/2', rates: [18, 20, 15, 19], capacities: [2, 1, 2] },
  { label: '3 machines, buffers 1/2, blocking before service', rates: [20, 17, 19], capacities: [1, 2], beforeService: true },
  { label: '3 machines, no buffers, blocking before service', rates: [20, 20, 20], capacities: [0, 0], beforeService: true },
];

describe('transfer lines and small buffers against their exact Markov chains (within 2 %, ≥ 20,000 units)', () => {
  it.each(cases)(
    '$label',
    async ({ label, rates, capacities, beforeService }) => {
      const { throughput: exact, states } = exactLineThroughput({ rates, capacities, beforeService: beforeService ?? false });
      const horizonSec = horizonFor(exact);
      const spec = flowSpec(
        {
          stations: rates.map((r) => ({ process: { dist: 'exponential' as const, meanSec: 1 / r } })),
          bufferCapacity: capacities,
          name: 'chain',
          ...(beforeService ? { blocking: 'before-service' as const } : {}),
        },
        horizonSec,
      );
      const sim = await simulate(spec, 5);
      const error = (sim.throughput - exact) / exact;
      // The validation table of the README: case, exact, simulated, error.
      console.log(`| ${label} | ${states} | ${exact.toFixed(4)} | ${sim.throughput.toFixed(4)} | ${(error * 100).toFixed(2)} % | ${sim.units} |`);
      expect(sim.units).toBeGreaterThanOrEqual(20_000);
      expect(Math.abs(error)).toBeLessThan(0.02);
    },
    120_000,
  );

  it('a machine naming the next machine as its `to` (direct transfer) is the capacity-0 line, event for event', async () => {
    const rates = [20, 14];
    const base = flowSpec(
      { stations: rates.map((r) => ({ process: { dist: 'exponential' as const, meanSec: 1 / r } })), bufferCapacity: [0], name: 'chain' },
      60,
    );
    const line = base.line as { machines: Array<{ from: string; to: string }>; buffers: unknown[] };
    const direct: ScenarioSpecInput = {
      ...base,
      line: {
        ...line,
        machines: [
          { ...line.machines[0]!, to: 'M2' },
          { ...line.machines[1]!, from: 'M1' },
        ],
        buffers: [],
      },
    };
    const times = async (spec: ScenarioSpecInput) => {
      const host = await makeHost({ spec, seed: 9, controller: 'greedy' });
      const out: string[] = [];
      runEach(host, (e) => {
        if (e.type === 'machine.state' || e.type === 'unit.completed') out.push(JSON.stringify(e));
      });
      host.dispose();
      return out;
    };
    const a = await times(base);
    const b = await times(direct);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  }, 60_000);

  it('direct transfer: the upstream machine is blocked exactly while the downstream one works on and it holds a finished unit', async () => {
    const spec = flowSpec(
      { stations: [{ process: { dist: 'fixed', sec: 1 } }, { process: { dist: 'fixed', sec: 3 } }], bufferCapacity: [0], name: 'chain' },
      30,
    );
    const host = await makeHost({ spec, seed: 1, controller: 'greedy' });
    const done: number[] = [];
    runEach(host, (e) => {
      if (e.type === 'unit.completed') done.push(e.atSec);
    });
    // M1 finishes at 1 and hands over; M2 works 1–4, 4–7, …; M1 is blocked 2–4, 5–7, …: one unit every 3 s.
    expect(done.slice(0, 4)).toEqual([4, 7, 10, 13]);
    const machine = host.kpis().things!.machine!;
    expect(machine['M1.blocked']).toBeCloseTo(2 / 3, 1);
    expect(machine['M2.starved']).toBe(0);
    host.dispose();
  });
});
