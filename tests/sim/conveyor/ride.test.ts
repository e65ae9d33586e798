import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../sim/index.ts';
import { conveyorSpec } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { drop, itemAt, items, stepEach } from './conveyor-helpers.ts';

const SPEED = 0.5;
const straight = (extra: Record<string, unknown> = {}) => ({
  id: 'C1',
  path: { from: { x: 2, z: 3 }, to: { x: 10, z: 3 } },
  widthM: 0.5,
  heightM: 0.8,
  speedMps: SPEED,
  ...extra,
});
const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('items on a straight conveyor (real Rapier)', () => {
  it('an item released above the belt falls onto it, is captured, and rides at belt speed ±5 %', async () => {
    const host = await makeHost({ spec: conveyorSpec({ conveyors: [straight()], events: [drop(0, 2.5, 3)] }) });
    const heights: number[] = [];
    stepEach(host, 20, () => heights.push(itemAt(host, 0).y));
    // it fell under gravity (not teleported) and stopped on the belt top: 0.8 m + half its 0.2 m height
    expect(heights[0]).toBeGreaterThan(1.15);
    expect(heights[5]!).toBeLessThan(heights[0]! - 0.05);
    expect(items(host).holderKind[0]).toBe(host.model.kinds.indexOf('conveyor'));
    const a = itemAt(host, 0);
    runCollect(host, 150); // 5 s
    const b = itemAt(host, 0);
    const speed = (b.x - a.x) / 5;
    expect(Math.abs(speed - SPEED) / SPEED).toBeLessThan(0.05);
    expect(b.y).toBeCloseTo(0.9, 3);
    expect(Math.abs(b.z - 3)).toBeLessThan(0.02);
  });

  it('queues several items at an accumulating end without overlapping, the belt running under them', async () => {
    const events = [0, 1.5, 3, 4.5, 6].map((t) => drop(t, 2.5, 3));
    const host = await makeHost({ spec: conveyorSpec({ conveyors: [straight({ gapM: 0.05 })], events }) });
    const log = runCollect(host, 30 * 30);
    const xs = [0, 1, 2, 3, 4].map((i) => itemAt(host, i).x);
    // front item's front edge at the end (x = 10), each next one 0.3 m long + 0.05 m gap behind
    expect(xs[0]).toBeCloseTo(10 - 0.15, 4);
    for (let k = 1; k < 5; k++) {
      expect(xs[k - 1]! - xs[k]!).toBeGreaterThanOrEqual(0.3 + 0.05 - 1e-4);
      expect(xs[k - 1]! - xs[k]!).toBeCloseTo(0.35, 4);
    }
    const t = host.state.things.conveyor as unknown as { running: Uint8Array; items: number[][] };
    expect(t.running[0]).toBe(1);
    expect(t.items[0]).toEqual([0, 1, 2, 3, 4]);
    expect(of(log, 'conveyor.blocked')).toHaveLength(1);
  });

  it('a non-accumulating belt stops when its front item is blocked: the gaps stay as they were', async () => {
    const events = [0, 2, 4].map((t) => drop(t, 2.5, 3));
    const host = await makeHost({ spec: conveyorSpec({ conveyors: [straight({ accumulating: false })], events }) });
    runCollect(host, 30 * 10);
    const before = [0, 1, 2].map((i) => itemAt(host, i).x);
    const gaps = [before[0]! - before[1]!, before[1]! - before[2]!];
    expect(gaps[0]).toBeCloseTo(1, 1); // dropped 2 s apart at 0.5 m/s
    runCollect(host, 30 * 20); // the front reaches the end at ≈ 15.7 s
    const after = [0, 1, 2].map((i) => itemAt(host, i).x);
    expect(after[0]).toBeCloseTo(10 - 0.15, 4);
    expect(after[0]! - after[1]!).toBeCloseTo(gaps[0]!, 3);
    expect(after[1]! - after[2]!).toBeCloseTo(gaps[1]!, 3);
    const t = host.state.things.conveyor as unknown as { running: Uint8Array };
    expect(t.running[0]).toBe(0);
    runCollect(host, 60);
    expect([0, 1, 2].map((i) => itemAt(host, i).x)).toEqual(after);
  });

  it('runs the other way with direction reverse: items travel from `to` toward `from`', async () => {
    const host = await makeHost({ spec: conveyorSpec({ conveyors: [straight({ direction: 'reverse' })], events: [drop(0, 9.5, 3)] }) });
    runCollect(host, 30 * 20);
    expect(itemAt(host, 0).x).toBeCloseTo(2 + 0.15, 4);
  });

  it("photo-eyes fire blocked when an item's front edge reaches them and cleared when its rear passes", async () => {
    const host = await makeHost({ spec: conveyorSpec({ conveyors: [straight({ photoEyes: [3, 6] })], events: [drop(0, 2.5, 3)] }) });
    const log = runCollect(host, 30 * 20);
    const entered = of(log, 'conveyor.entered')[0]!;
    const step = SPEED / 30;
    // an eye at e is covered while |s − e| ≤ 0.15: from s = e − 0.15 to s = e + 0.15
    const tickAt = (s: number) => entered.tick + Math.ceil((s - entered.sM) / step - 1e-9);
    const blocked = of(log, 'photoeye.blocked');
    const cleared = of(log, 'photoeye.cleared');
    expect(blocked.map((e) => [e.eye, e.item])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(cleared.map((e) => e.eye)).toEqual([0, 1]);
    for (const [k, e] of [3, 6].entries()) {
      expect(Math.abs(blocked[k]!.tick - tickAt(e - 0.15))).toBeLessThanOrEqual(1);
      expect(Math.abs(cleared[k]!.tick - tickAt(e + 0.15))).toBeLessThanOrEqual(1);
    }
  });
});
