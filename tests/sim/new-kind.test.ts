import { describe, expect, it } from 'vitest';
import { frameLayout, kindsWith, validateScenario, type FleetController, type ScenarioSpecInput } from '../../sim/index.ts';
import { robotModels } from '../../robots/index.ts';
import { beaconKind } from '../fixtures/beacon-kind.ts';
import { makeHost, makeSpec, runCollect } from '../helpers/make-host.ts';

const kinds = kindsWith([beaconKind]);
const LAYOUT = ['#########', '#S..B...#', '#.......#', '#..R..B.#', '#.......#', '#...P...#', '#########'];
const spec = (patch: Partial<ScenarioSpecInput> = {}): ScenarioSpecInput => makeSpec(LAYOUT, { beacons: { periodSec: 2 }, ...patch });
const table = (host: { state: { things: Record<string, unknown> } }) =>
  host.state.things.beacon as { count: number; blinks: Int32Array; silentUntilTick: Int32Array };

/** A kind defined only in tests/fixtures joins a scenario: nothing in sim/ names it. */
describe('a new kind of thing (beacon, defined in a test file)', () => {
  it('compiles from its layout character and spec section, steps in its slot, and counts in its KPIs', async () => {
    const host = await makeHost({ spec: spec(), kinds });
    expect(host.model.things.beacon).toHaveLength(2);
    const events = runCollect(host, 30 * 10);
    // Blinks at ticks 0, 60, 120, 180, 240: five each.
    expect(Array.from(table(host).blinks)).toEqual([5, 5]);
    expect(events.filter((e) => e.type === 'beacon.blinked')).toHaveLength(10);
    expect(host.kpis().things?.beacon).toEqual({ blinks: 10, blinksPerHour: 3600 });
  });

  it('is hashed: its columns and its body are part of the state hash', async () => {
    const plain = await makeHost({ spec: makeSpec(LAYOUT.map((r) => r.replace(/B/g, '.'))) });
    const withBeacons = await makeHost({ spec: spec(), kinds });
    expect(withBeacons.hash()).not.toBe(plain.hash());
    const before = withBeacons.hash();
    table(withBeacons).blinks[1] = 99;
    expect(withBeacons.hash()).not.toBe(before);
  });

  it('moves nothing where it is not used: a scenario without beacons hashes the same with the kind registered', async () => {
    const floor = makeSpec(LAYOUT.map((r) => r.replace(/B/g, '.')));
    const plain = await makeHost({ spec: floor });
    const registered = await makeHost({ spec: floor, kinds });
    runCollect(plain, 200);
    runCollect(registered, 200);
    expect(registered.hash()).toBe(plain.hash());
    const restored = await makeHost({ spec: floor, kinds });
    restored.restore(structuredClone(registered.snapshot()));
    expect(restored.hash()).toBe(plain.hash());
  });

  it('is snapshotted and restored with every column: restore → continue gives the uninterrupted hash', async () => {
    const straight = await makeHost({ spec: spec(), kinds });
    runCollect(straight, 211);
    table(straight).silentUntilTick[0] = 300;
    runCollect(straight, 500 - 211);
    const first = await makeHost({ spec: spec(), kinds });
    runCollect(first, 211);
    table(first).silentUntilTick[0] = 300;
    const snap = structuredClone(first.snapshot());
    const second = await makeHost({ spec: spec(), kinds });
    second.restore(snap);
    expect(Array.from(table(second).silentUntilTick)).toEqual([300, -1]);
    runCollect(second, 500 - 211);
    expect(second.hash()).toBe(straight.hash());
  });

  it('ships in frames: its section is described by the frame layout', async () => {
    const host = await makeHost({ spec: spec(), kinds });
    runCollect(host, 61);
    // Kinds with no things in this scenario (people, chargers …) ship empty sections.
    expect(
      frameLayout(host.model)
        .filter((s) => s.count > 0)
        .map((s) => [s.kind, s.count, s.stride]),
    ).toEqual([
      ['robot', 1, 8],
      ['load', 1, 5],
      ['beacon', 2, 3],
    ]);
    const beacons = host.frame().sections.beacon!;
    expect(Array.from(beacons)).toEqual([4.5, 1.5, 2, 6.5, 3.5, 2]);
  });

  it('handles its scripted events (logged when they fire) and its commands, and shows in observations', async () => {
    const seen: unknown[] = [];
    const controller: FleetController = {
      name: 'beacon-resetter',
      decide(o) {
        seen.push(o.things.beacon);
        return o.tick === 90 ? [{ thing: 'beacon', id: 1, kind: 'reset' } as never] : [];
      },
    };
    const host = await makeHost({ spec: spec({ events: [{ atSec: 1, kind: 'beacon.silence', beacon: 0, durationSec: 3 }] }), kinds, controller });
    const events = runCollect(host, 30 * 10);
    expect(events.find((e) => e.type === 'scripted.fired')).toEqual({ type: 'scripted.fired', tick: 30, index: 0, kind: 'beacon.silence', owner: 'beacon' });
    // Beacon 0 is silent for ticks 30–119 (misses the blink at 60); beacon 1 is reset at tick 90.
    expect(Array.from(table(host).blinks)).toEqual([4, 3]);
    expect(seen[1]).toEqual([
      { id: 0, blinks: 1 },
      { id: 1, blinks: 1 },
    ]);
    expect(Object.isFrozen(seen[1])).toBe(true);
  });

  it('validates its section and its events with field paths', () => {
    const issues = validateScenario(
      spec({ beacons: { periodSek: 2 }, events: [{ atSec: 1, kind: 'beacon.silence', beacon: 7, durationSec: 1 }] }),
      robotModels,
      kinds,
    );
    expect(issues).toEqual([{ path: 'beacons.periodSek', message: 'unknown key; did you mean periodSec?' }]);
    const later = validateScenario(spec({ events: [{ atSec: 1, kind: 'beacon.silence', beacon: 7, durationSec: 1 }] }), robotModels, kinds);
    expect(later).toEqual([{ path: 'events[0].beacon', message: 'beacon 7 does not exist' }]);
  });
});
