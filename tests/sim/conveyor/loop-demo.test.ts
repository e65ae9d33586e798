import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConveyorModel, ItemModel, ScenarioSpecInput, SimHost } from '../../../sim/index.ts';
import { conveyorSpec } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { drop, items } from './conveyor-helpers.ts';

const LOOP = JSON.parse(readFileSync(new URL('../../fixtures/conveyor-loop.json', import.meta.url), 'utf8')) as ScenarioSpecInput;

/**
 * The smallest clearance between neighbours on any belt, metres: centre distance − half lengths,
 * less the belt's gap when `withGap` (queued items keep it; an item may land closer than the gap
 * behind another and keeps that distance until the one ahead moves on).
 */
function worstClearance(host: SimHost, withGap = true): number {
  const t = items(host);
  const belts = host.state.things.conveyor as unknown as { items: number[][] };
  const models = host.model.things.item as readonly ItemModel[];
  let worst = Infinity;
  (host.model.things.conveyor as readonly ConveyorModel[]).forEach((c) => {
    const list = belts.items[c.id]!;
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1]!;
      const b = list[k]!;
      worst = Math.min(worst, t.pathM[a]! - t.pathM[b]! - models[a]!.halfX - models[b]!.halfX - (withGap ? c.gapM : 0));
    }
  });
  return worst;
}

describe('the conveyor loop demo (tests/fixtures/conveyor-loop.json)', () => {
  it('circulates parts round the loop, merges the spur in and accumulates behind the stopped curve, never overlapping', async () => {
    const host = await makeHost({ spec: LOOP, controller: 'reserve' });
    let worst = Infinity;
    const events = [];
    for (let k = 0; k < 30 * 90; k++) {
      events.push(...host.advance(1).events);
      worst = Math.min(worst, worstClearance(host));
    }
    expect(worst).toBeGreaterThanOrEqual(-1e-9);
    const k = host.kpis().things!.conveyor!;
    expect(k['C5.itemsCarried']).toBeGreaterThanOrEqual(8); // the spur's parts merged into C3
    expect(k['C1.blockedSec']).toBeGreaterThan(5); // C1 queued behind C2 while it was stopped
    expect(host.kpis().things!.item!.droppedItems).toBe(0);
    expect(events.some((e) => e.type === 'photoeye.blocked')).toBe(true);
  }, 60_000);

  it('property: items dropped at random places and times on an accumulating belt never overlap and all come to the belt (fast-check, seed 7, 8 runs)', async () => {
    const belt = { id: 'C1', path: { from: { x: 2, z: 3 }, to: { x: 8, z: 3 } }, widthM: 0.5, heightM: 0.8, speedMps: 0.8, gapM: 0.02 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            x: fc.double({ min: 2.3, max: 7.7, noNaN: true }),
            z: fc.double({ min: 2.85, max: 3.15, noNaN: true }),
            atSec: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (drops) => {
          const host = await makeHost({ spec: conveyorSpec({ conveyors: [belt], events: drops.map((d) => drop(d.atSec / 2, d.x, d.z)), horizonSec: 30 }) });
          for (let k = 0; k < 30 * 22; k++) {
            runCollect(host, 1);
            if (worstClearance(host, false) < -1e-9) return false;
          }
          // an item dropped onto one already riding is pushed off or rides on top: at least one rides
          const riding = (host.state.things.conveyor as unknown as { items: number[][] }).items[0]!;
          expect(items(host).phase.filter((p) => p !== 0).length).toBe(drops.length);
          return riding.length >= 1;
        },
      ),
      { seed: 7, numRuns: 8, endOnFailure: true },
    );
  }, 120_000);
});
