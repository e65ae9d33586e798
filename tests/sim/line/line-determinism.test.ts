import { describe, expect, it } from 'vitest';
import { findScenario } from '../../../scenarios/index.ts';
import type { ScenarioSpecInput, SimEvent } from '../../../sim/index.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { flowSpec } from './line-helpers.ts';

const completions = (events: readonly SimEvent[]) => events.flatMap((e) => (e.type === 'unit.completed' ? [[e.unit, e.atSec]] : []));

describe('line determinism', () => {
  const spec = findScenario('production/flow-line')!;

  it('same seed ⇒ same hash and events; another seed ⇒ another hash', async () => {
    const a = await makeHost({ spec, seed: 5 });
    const b = await makeHost({ spec, seed: 5 });
    const c = await makeHost({ spec, seed: 6 });
    const ea = runCollect(a, 9000);
    const eb = runCollect(b, 9000);
    runCollect(c, 9000);
    expect(a.hash()).toBe(b.hash());
    expect(JSON.stringify(ea)).toBe(JSON.stringify(eb));
    expect(c.hash()).not.toBe(a.hash());
    expect(completions(ea).length).toBeGreaterThan(5);
  }, 60_000);

  it('snapshot → restore → continue ⇒ the uninterrupted hash (machine clocks, buffers, streams all in state)', async () => {
    const withDown: ScenarioSpecInput = {
      ...spec,
      events: [
        { atSec: 100, kind: 'machine.down', machine: 'M3', durationSec: 60 },
        { atSec: 150, kind: 'source.burst', source: 'SRC', units: 3 },
      ],
    };
    const straight = await makeHost({ spec: withDown, seed: 5 });
    runCollect(straight, 9000);
    const first = await makeHost({ spec: withDown, seed: 5 });
    runCollect(first, 4000);
    const snap = structuredClone(first.snapshot());
    const second = await makeHost({ spec: withDown, seed: 5 });
    second.restore(snap);
    expect(second.hash()).toBe(first.hash());
    runCollect(second, 5000);
    expect(second.hash()).toBe(straight.hash());
  }, 60_000);

  it('the process is the exact continuous-time model whatever hz is: units complete at the same f64 times at 30 Hz and 120 Hz', async () => {
    const at = (hz: number) =>
      flowSpec(
        {
          stations: [{ process: { dist: 'exponential', meanSec: 0.7 } }, { process: { dist: 'lognormal', meanSec: 0.8, sdSec: 0.3 }, mtbfSec: 20, mttrSec: 3 }],
          bufferCapacity: 2,
          hz,
          name: 'hz',
        },
        120,
      );
    const slow = await makeHost({ spec: at(30), seed: 8 });
    const fast = await makeHost({ spec: at(120), seed: 8 });
    const s = completions(runCollect(slow));
    const f = completions(runCollect(fast));
    expect(s.length).toBeGreaterThan(100);
    expect(f).toEqual(s);
  }, 60_000);

  it('adding a machine does not shift another machine’s draws (one named stream per machine and purpose)', async () => {
    const station = (meanSec: number) => ({ process: { dist: 'exponential' as const, meanSec } });
    const two = await makeHost({ spec: flowSpec({ stations: [station(1), station(1)], bufferCapacity: 100, name: 'two' }, 60), seed: 3 });
    const three = await makeHost({ spec: flowSpec({ stations: [station(1), station(1), station(1)], bufferCapacity: 100, name: 'three' }, 60), seed: 3 });
    const m1Done = (events: readonly SimEvent[]) => events.flatMap((e) => (e.type === 'unit.processed' && e.name === 'M1' ? [e.atSec] : []));
    // M1 is never blocked (buffers of 100): its completions depend on its own stream only.
    expect(m1Done(runCollect(three))).toEqual(m1Done(runCollect(two)));
  }, 60_000);
});
