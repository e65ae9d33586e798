import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../sim/index.ts';
import { conveyorSpec } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { drop, itemAt, items, stepEach } from './conveyor-helpers.ts';

const belt = (id: string, from: [number, number], to: [number, number], extra: Record<string, unknown> = {}) => ({
  id,
  path: { from: { x: from[0], z: from[1] }, to: { x: to[0], z: to[1] } },
  widthM: 0.3,
  heightM: 0.8,
  speedMps: 0.5,
  ...extra,
});
const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('transfers and merges', () => {
  it("a transfer passes items from one belt's end onto the next one's start, in order, at belt speed", async () => {
    const conveyors = [belt('C1', [2, 3], [6, 3], { feeds: 'C2' }), belt('C2', [6, 3], [11, 3])];
    const host = await makeHost({ spec: conveyorSpec({ conveyors, events: [drop(0, 2.5, 3), drop(1, 2.5, 3), drop(2, 2.5, 3)] }) });
    const log = runCollect(host, 30 * 30);
    const exits = of(log, 'conveyor.exited');
    expect(exits.map((e) => [e.conveyor, e.item, e.to])).toEqual([
      ['C1', 0, 'C2'],
      ['C1', 1, 'C2'],
      ['C1', 2, 'C2'],
    ]);
    // 3.5 m on C1 at 0.5 m/s (landed at s ≈ 0.5)
    expect(exits[0]!.transitSec).toBeGreaterThan(6.8);
    expect(exits[0]!.transitSec).toBeLessThan(7.2);
    expect([0, 1, 2].map((i) => itemAt(host, i).x)).toEqual([expect.closeTo(10.85, 4), expect.closeTo(10.5, 4), expect.closeTo(10.15, 4)]);
    expect(Array.from(items(host).holderId.slice(0, 3))).toEqual([1, 1, 1]);
    const k = host.kpis().things!.conveyor!;
    expect(k['C1.itemsCarried']).toBe(3);
    expect(k['C1.meanTransitSec']).toBeCloseTo(exits.reduce((a, e) => a + e.transitSec, 0) / 3, 6);
    expect(k['C2.blockedSec']).toBeGreaterThan(0);
  });

  const merge = (order: 'AB' | 'BA') => {
    const a = belt('A', [2, 2.8], [5.9, 2.8], { feeds: 'C' });
    const b = belt('B', [2, 3.2], [5.9, 3.2], { feeds: 'C' });
    return [...(order === 'AB' ? [a, b] : [b, a]), belt('C', [6, 3], [12, 3], { widthM: 0.5 })];
  };
  const mergedOrder = (log: SimEvent[]) =>
    of(log, 'conveyor.exited')
      .filter((e) => e.to === 'C')
      .map((e) => e.conveyor);

  it('a merge: items reaching their ends on the same tick go in spec order (the belt listed first wins the tie)', async () => {
    const drops = [drop(0, 2.5, 2.8), drop(0, 2.5, 3.2), drop(0.1, 3.5, 2.8), drop(0.1, 3.5, 3.2)];
    const ab = runCollect(await makeHost({ spec: conveyorSpec({ conveyors: merge('AB'), events: drops }) }), 30 * 20);
    expect(mergedOrder(ab)).toEqual(['A', 'B', 'A', 'B']);
    const ba = runCollect(await makeHost({ spec: conveyorSpec({ conveyors: merge('BA'), events: drops }) }), 30 * 20);
    expect(mergedOrder(ba)).toEqual(['B', 'A', 'B', 'A']);
  });

  it('a merge is first come, first served: the item that waited longest at its end goes first', async () => {
    // C is slow (0.1 m/s), so its entry stays taken 3.5 s after each transfer. A's first item goes
    // at once; B's arrives next and waits; A's second arrives later and waits too. When the entry
    // clears, B's (waiting longer) goes before A's, though A is listed first.
    const conveyors = merge('AB').map((c) => (c.id === 'C' ? { ...c, speedMps: 0.1 } : c));
    const host = await makeHost({ spec: conveyorSpec({ conveyors, events: [drop(0, 2.5, 2.8), drop(0.3, 2.5, 3.2), drop(0.5, 2.2, 2.8)] }) });
    const log = runCollect(host, 30 * 20);
    expect(mergedOrder(log)).toEqual(['A', 'B', 'A']);
    expect(of(log, 'conveyor.blocked').map((e) => e.conveyor)).toEqual(['B', 'A']);
    // nothing overlaps on C: centres at least one item length + gap apart
    const xs = [0, 1, 2].map((i) => itemAt(host, i).x).sort((p, q) => q - p);
    expect(xs[0]! - xs[1]!).toBeGreaterThanOrEqual(0.35 - 1e-6);
    expect(xs[1]! - xs[2]!).toBeGreaterThanOrEqual(0.35 - 1e-6);
  });

  it('a curved segment keeps items on the arc (radius within 1 cm) and hands them on facing the new way', async () => {
    const conveyors = [
      belt('C1', [2, 5], [6, 5], { feeds: 'C2' }),
      { id: 'C2', path: { center: { x: 6, z: 3.5 }, radiusM: 1.5, startDeg: -90, sweepDeg: 90 }, widthM: 0.3, heightM: 0.8, speedMps: 0.5, feeds: 'C3' },
      belt('C3', [7.5, 3.5], [7.5, 1.5]),
    ];
    const host = await makeHost({ spec: conveyorSpec({ conveyors, events: [drop(0, 2.5, 5)] }) });
    const radii: number[] = [];
    stepEach(host, 30 * 20, () => {
      if (items(host).holderId[0] !== 1) return;
      const p = itemAt(host, 0);
      radii.push(Math.sqrt((p.x - 6) ** 2 + (p.z - 3.5) ** 2));
    });
    expect(radii.length).toBeGreaterThan(100); // ≈ 2.36 m of arc at 0.5 m/s
    for (const r of radii) expect(Math.abs(r - 1.5)).toBeLessThan(0.01);
    const end = itemAt(host, 0);
    expect(Math.abs(end.x - 7.5)).toBeLessThan(0.02); // keeps the few mm off-centre it landed with
    expect(end.z).toBeCloseTo(1.65, 3);
    // it faces north on C3: its local +x axis along −z
    const q = host.state.physics.bodyPose(host.model.kinds.indexOf('item'), 0);
    const fx = 1 - 2 * (q.qy * q.qy + q.qz * q.qz);
    const fz = 2 * (q.qx * q.qz - q.qw * q.qy);
    expect(fx).toBeCloseTo(0, 3);
    expect(fz).toBeCloseTo(-1, 3);
  });
});
