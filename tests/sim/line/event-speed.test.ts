import { describe, expect, it } from 'vitest';
import { findScenario, scenarios } from '../../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../../sim/index.ts';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec } from './line-helpers.ts';

/** Runs a spec to its horizon in chunks of `chunk` ticks, ticked or at event speed: every event (as JSON), the KPIs, ticks stepped. */
async function run(spec: ScenarioSpecInput, stepEveryTick: boolean, chunk = 600) {
  const host = await makeHost({ spec, seed: 3, controller: 'greedy', stepEveryTick });
  const events: string[] = [];
  while (!host.done) for (const e of host.advance(chunk).events) events.push(JSON.stringify(e));
  const out = { events, kpis: host.kpis(), tick: host.tick, stepped: host.timing.ticks };
  host.dispose();
  return out;
}

const failing = (mtbfSec: number, mttrSec: number) => ({ mtbfSec, mttrSec });
const lines: Record<string, ScenarioSpecInput> = {
  // Every registered line scenario (the ones with moving bodies, e.g. AMRs, must simply step every tick).
  ...Object.fromEntries(
    Object.entries(scenarios)
      .filter(([, s]) => (s as { line?: unknown }).line !== undefined)
      .map(([id, s]) => [id, { ...s, horizonSec: 600 }]),
  ),
  'failures, scrap, scripted down and burst': {
    ...flowSpec(
      {
        stations: [
          { process: { dist: 'lognormal', meanSec: 7, sdSec: 2 }, ...failing(300, 40) },
          { process: { dist: 'exponential', meanSec: 8 }, ...failing(500, 60), failureBasis: 'operations' },
          { process: { dist: 'normal', meanSec: 7.5, sdSec: 1 }, scrapProbability: 0.05 },
        ],
        bufferCapacity: [0, 2],
        interarrival: { dist: 'exponential', meanSec: 8 },
        name: 'es',
      },
      1800,
    ),
    events: [
      { atSec: 200.5, kind: 'machine.down', machine: 'M3', durationSec: 90 },
      { atSec: 400, kind: 'source.burst', source: 'SRC', units: 12 },
    ],
  },
  'CONWIP with warm-up and blocking before service': flowSpec(
    {
      stations: [4, 5, 3].map((meanSec) => ({ process: { dist: 'exponential' as const, meanSec } })),
      bufferCapacity: [1, 1],
      blocking: 'before-service',
      conwipCards: 4,
      warmupSec: 300,
      name: 'es',
    },
    1800,
  ),
};

describe('event speed: a logical line jumps from event to event with the ticked run’s KPIs and event stream', () => {
  it.each(Object.keys(lines))(
    '%s',
    async (name) => {
      const spec = lines[name]!;
      const ticked = await run(spec, true);
      const fast = await run(spec, false, 777);
      expect(ticked.events.length).toBeGreaterThan(50);
      expect(fast.tick).toBe(ticked.tick);
      expect(fast.events).toEqual(ticked.events);
      expect(fast.kpis).toEqual(ticked.kpis);
      const logical = !(spec as { lineside?: unknown }).lineside && !(spec as { fleet?: unknown[] }).fleet?.length;
      if (logical) expect(fast.stepped).toBeLessThan(ticked.stepped / 5);
      else expect(fast.stepped).toBe(ticked.stepped);
    },
    120_000,
  );

  it('the flow line steps only the ticks with an event (one hour: 108,000 ticks, a few thousand stepped)', async () => {
    const spec = findScenario('production/flow-line')!;
    const fast = await run(spec, false, 1e9);
    expect(fast.tick).toBe(108_000);
    expect(fast.stepped).toBeLessThan(3000);
  }, 60_000);
});

describe('a logical line without a layout', () => {
  it('runs at event speed with the same events and KPIs as with its generated floor', async () => {
    const withFloor = flowSpec(
      { stations: [{ process: { dist: 'exponential', meanSec: 5 } }, { process: { dist: 'exponential', meanSec: 6 } }], bufferCapacity: [0], name: 'nofloor' },
      1200,
    );
    const { layout: _layout, ...noFloor } = withFloor;
    const a = await run(withFloor, false);
    const b = await run(noFloor as ScenarioSpecInput, false);
    expect(b.events).toEqual(a.events);
    expect(b.kpis).toEqual(a.kpis);
    expect(b.stepped).toBeLessThan(b.tick / 5);
  }, 60_000);
});
