import { describe, expect, it } from 'vitest';
import { consumeItem, itemHoldable, ItemPhase, spawnItem, type SimEvent } from '../../../sim/index.ts';
import { conveyorSpec, PART } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { ctxOf, drop, itemAt, items } from '../conveyor/conveyor-helpers.ts';

const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('the item pool', () => {
  it('has fixed rows and bodies; an exhausted pool is an event and an error KPI, and a consumed row is reused', async () => {
    const spec = conveyorSpec({ items: { types: [{ ...PART, pool: 2 }] }, events: [drop(0, 3, 3), drop(0, 5, 3), drop(1, 7, 3)] });
    const host = await makeHost({ spec });
    const bodies = host.state.physics.stats().bodies;
    expect(items(host).count).toBe(2);
    const log = runCollect(host, 60);
    expect(of(log, 'item.spawned').map((e) => e.item)).toEqual([0, 1]);
    expect(of(log, 'item.poolExhausted')).toEqual([{ type: 'item.poolExhausted', tick: 30, itemType: 'part', pool: 2 }]);
    expect(host.kpis().things!.item!.poolExhausted).toBe(1);
    const ctx = ctxOf(host);
    consumeItem(ctx, 0);
    expect(items(host).phase[0]).toBe(ItemPhase.Parked);
    expect(itemAt(host, 0).y).toBeLessThan(-10);
    expect(spawnItem(ctx, 'part', { x: 8, y: 0.5, z: 4 })).toBe(0);
    expect(spawnItem(ctx, 'part', { x: 9, y: 0.5, z: 4 })).toBe(-1);
    expect(spawnItem(ctx, 'widget', { x: 9, y: 0.5, z: 4 })).toBe(-1);
    const later = runCollect(host, 30);
    expect(of(later, 'item.consumed').map((e) => e.item)).toEqual([0]);
    expect(of(later, 'item.spawned').map((e) => e.item)).toEqual([0]);
    expect(of(later, 'item.poolExhausted').map((e) => e.itemType)).toEqual(['part', 'widget']);
    expect(host.state.physics.stats().bodies).toBe(bodies);
  });

  it('counts items that fall onto the floor as dropped, once each', async () => {
    const host = await makeHost({ spec: conveyorSpec({ events: [drop(0, 3, 3), drop(0.5, 6, 5, 2)] }) });
    const log = runCollect(host, 120);
    expect(of(log, 'item.dropped').map((e) => e.item)).toEqual([0, 1]);
    expect(host.kpis().things!.item!.droppedItems).toBe(2);
    expect(itemAt(host, 1).y).toBeCloseTo(0.1, 2);
  });

  it('is holdable: a holder makes it kinematic and poses it; released, it falls again', async () => {
    const host = await makeHost({ spec: conveyorSpec({ events: [drop(0, 3, 3, 0.5)] }) });
    runCollect(host, 40);
    const ctx = ctxOf(host);
    const holder = [7, 2] as const; // any kind and id: a gripper, a machine
    expect(itemHoldable.canHold(ctx, 0)).toBe(true);
    expect(itemHoldable.canHold(ctx, 1)).toBe(false); // parked
    itemHoldable.hold(ctx, 0, ...holder);
    expect(itemHoldable.holderOf(ctx, 0)).toEqual(holder);
    expect(itemHoldable.canHold(ctx, 0)).toBe(false);
    const ik = host.model.kinds.indexOf('item');
    host.state.physics.setNextPose(ik, 0, 3, 1.5, 3, 0, 0, 0, 1);
    runCollect(host, 1);
    expect(itemAt(host, 0).y).toBeCloseTo(1.5, 5);
    runCollect(host, 10);
    expect(itemAt(host, 0).y).toBeCloseTo(1.5, 5); // held up, not falling
    itemHoldable.release(ctx, 0);
    expect(itemHoldable.holderOf(ctx, 0)).toEqual([-1, -1]);
    const log = runCollect(host, 60);
    expect(itemAt(host, 0).y).toBeCloseTo(0.1, 2);
    expect(of(log, 'item.dropped').map((e) => e.item)).toEqual([0]);
  });
});
