import { describe, expect, it } from 'vitest';
import { itemAtEnd, kindsWith, putOn, roomAt, takeFromEnd, validateScenario, type SimEvent } from '../../../sim/index.ts';
import { robotModels } from '../../../robots/index.ts';
import { beltSinkKind } from '../../fixtures/belt-sink-kind.ts';
import { conveyorSpec } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { ctxOf, drop, itemAt, items } from './conveyor-helpers.ts';

const loop = [
  { id: 'C1', path: { from: { x: 2, z: 3 }, to: { x: 8, z: 3 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.6, photoEyes: [5], feeds: 'C2' },
  { id: 'C2', path: { center: { x: 8, z: 4 }, radiusM: 1, startDeg: 90, sweepDeg: -180 }, widthM: 0.4, heightM: 0.8, speedMps: 0.6, feeds: 'C3' },
  { id: 'C3', path: { from: { x: 8, z: 5 }, to: { x: 3, z: 5 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.6, accumulating: false },
];
const spec = () => conveyorSpec({ conveyors: loop, events: [0, 1, 2, 3, 4].map((t) => drop(t, 2.5, 3)) });
const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('conveyor determinism and snapshots', () => {
  it('same seed ⇒ same hash; snapshot mid-ride → restore → continue ⇒ the uninterrupted hash', async () => {
    const straight = await makeHost({ spec: spec(), seed: 3 });
    runCollect(straight, 900);
    const again = await makeHost({ spec: spec(), seed: 3 });
    runCollect(again, 900);
    expect(again.hash()).toBe(straight.hash());

    const first = await makeHost({ spec: spec(), seed: 3 });
    runCollect(first, 250); // every item on a belt, the first on the arc
    expect(
      items(first)
        .holderKind.slice(0, 5)
        .every((k) => k === first.model.kinds.indexOf('conveyor')),
    ).toBe(true);
    const snap = structuredClone(first.snapshot());
    const second = await makeHost({ spec: spec(), seed: 3 });
    second.restore(snap);
    expect(second.hash()).toBe(first.hash());
    runCollect(second, 650);
    expect(second.hash()).toBe(straight.hash());
  });

  it('a scenario without items or conveyors hashes the same as with no sections at all (nothing written)', async () => {
    const host = await makeHost({ spec: conveyorSpec({ items: { types: [{ id: 'part', sizeM: { x: 0.3, y: 0.2, z: 0.2 }, massKg: 2, pool: 1 }] } }) });
    expect(host.state.things.conveyor!.count).toBe(0);
    expect(Object.keys(JSON.parse(host.snapshot().tables).things)).toEqual(['robot', 'load', 'station', 'item']);
  });
});

describe('the conveyor port API', () => {
  it('itemAtEnd / takeFromEnd hand the waiting item over; a sink kind built on them drains the belt', async () => {
    const kinds = kindsWith([beltSinkKind]);
    const base = conveyorSpec({ conveyors: [loop[0]!], events: [0, 1, 2].map((t) => drop(t, 2.5, 3)) });
    const host = await makeHost({ spec: { ...base, conveyors: [{ ...loop[0]!, feeds: undefined }] } });
    const ctx = ctxOf(host);
    runCollect(host, 30 * 5);
    expect(itemAtEnd(ctx, 0)).toBe(-1);
    runCollect(host, 30 * 10);
    expect(itemAtEnd(ctx, 0)).toBe(0);
    expect(roomAt(ctx, 0, 5.85, 0.3)).toBe(false); // metres along the belt, not x
    expect(roomAt(ctx, 0, 4.0, 0.3)).toBe(true);
    expect(roomAt(ctx, 0, 6.5, 0.3)).toBe(false); // beyond its end
    expect(takeFromEnd(ctx, 0, 7, 1)).toBe(0);
    expect([items(host).holderKind[0], items(host).holderId[0]]).toEqual([7, 1]);
    const log = runCollect(host, 30 * 2);
    expect(of(log, 'conveyor.exited').map((e) => [e.item, e.to])).toEqual([[0, null]]);
    expect(itemAtEnd(ctx, 0)).toBe(1); // the next one moved up
    // put item 0 back on 1 m along: it rides from there
    expect(putOn(ctx, 0, 0, 5.85)).toBe(false); // item 1 is there
    expect(putOn(ctx, 0, 0, 1)).toBe(true);
    expect(itemAtEnd(ctx, 0)).toBe(1);
    runCollect(host, 1);
    const x0 = itemAt(host, 0).x;
    expect(x0).toBeCloseTo(3 + 0.02, 3); // 1 m along, plus one tick of travel
    runCollect(host, 30);
    expect(itemAt(host, 0).x - x0).toBeCloseTo(0.6, 2);

    const sunk = await makeHost({ spec: { ...base, conveyors: [{ ...loop[0]!, feeds: undefined }], beltSinks: [{ conveyor: 'C1', everySec: 2 }] }, kinds });
    const drained = runCollect(sunk, 30 * 20);
    expect(of(drained, 'item.consumed').map((e) => e.item)).toEqual([0, 1, 2]);
    expect(sunk.kpis().things!.conveyor!['C1.itemsCarried']).toBe(3);
  });
});

describe('conveyor spec validation', () => {
  it('reports every field at fault with its path and why', () => {
    const bad = conveyorSpec({
      conveyors: [
        { id: 'C1', path: { from: { x: 2, z: 3 }, to: { x: 8, z: 3 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.6, photoEyes: [7], feeds: 'C3' },
        { id: 'C2', path: { center: { x: 8, z: 4 }, radiusM: 1 }, widthM: 0.4, heightM: 0.8, speedMps: 0.6 },
        { id: 'C3', path: { from: { x: 9, z: 5 }, to: { x: 3, z: 5 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.6, feeds: 'C22' },
        { id: 'C1', path: { from: { x: 2, z: 6 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.6 },
      ],
      events: [
        { atSec: 1, kind: 'item.spawn', type: 'prat', at: { x: 1, y: 1, z: 1 } },
        { atSec: 1, kind: 'conveyor.stop', conveyor: 'C9', durationSec: 2 },
      ],
    });
    expect(validateScenario(bad, robotModels)).toEqual([
      { path: 'conveyors[1].path.startDeg', message: 'required: an arc conveyor needs center, radiusM, startDeg and sweepDeg' },
      { path: 'conveyors[1].path.sweepDeg', message: 'required: an arc conveyor needs center, radiusM, startDeg and sweepDeg' },
      { path: 'conveyors[3].path.to', message: 'required: a straight conveyor needs both from and to' },
      { path: 'conveyors[0].photoEyes[0]', message: "7 m is beyond the conveyor's end (it is 6.000 m long)" },
      { path: 'conveyors[0].feeds', message: "C1's end (8.00, 3.00) is 2.24 m from C3 at 0 m (9.00, 5.00); a transfer needs at most 0.25 m" },
      { path: 'conveyors[2].feeds', message: 'unknown conveyor "C22"; did you mean C2?' },
      { path: 'conveyors[3].id', message: 'conveyor "C1" is already declared at conveyors[0]' },
      { path: 'events[0].type', message: 'unknown item type "prat"; did you mean part?' },
      { path: 'events[1].conveyor', message: 'unknown conveyor "C9"; did you mean C1?' },
    ]);
    const typos = conveyorSpec({ conveyors: [{ id: 'C1', path: { from: { x: 2, z: 3 }, to: { x: 8, z: 3 } }, widthM: 0.4, heightM: 0.8, speedMPS: 0.6 }] });
    expect(validateScenario(typos, robotModels)).toEqual([{ path: 'conveyors[0].speedMPS', message: 'unknown key; did you mean speedMps?' }]);
    const events = conveyorSpec({
      events: [
        { atSec: 1, kind: 'item.spawn', type: 'prat', at: { x: 1, y: 1, z: 1 } },
        { atSec: 1, kind: 'conveyor.stop', conveyor: 'C9', durationSec: 2 },
      ],
    });
    expect(validateScenario(events, robotModels)).toEqual([
      { path: 'events[0].type', message: 'unknown item type "prat"; did you mean part?' },
      { path: 'events[1].conveyor', message: 'unknown conveyor "C9"; declared: none' },
    ]);
  });
});
