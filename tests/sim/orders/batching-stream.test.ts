import { describe, expect, it } from 'vitest';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { eventsOf, onePodSpec } from './orders-floor.ts';

/** Runs the one-pod floor with a Poisson stream of 360 orders an hour; returns its events. */
async function runStream(batching: 'until-lift' | 'until-picked') {
  const host = await makeHost({ spec: onePodSpec(batching, 360), controller: 'pibt', seed: 3 });
  try {
    return { events: runCollect(host), hash: host.hash() };
  } finally {
    host.dispose();
  }
}

describe('orders.batching on the order stream (one pod, one station)', () => {
  it('draws the same orders either way, and serves lines released while a pod is on its way with fewer tasks', async () => {
    const off = await runStream('until-lift');
    const on = await runStream('until-picked');
    // Same stream: batching draws no random numbers.
    const released = (events: typeof on.events) => eventsOf(events, 'order.released').map((e) => [e.tick, e.order, e.lines]);
    expect(released(on.events)).toEqual(released(off.events));
    expect(eventsOf(on.events, 'task.created').length).toBeLessThan(eventsOf(off.events, 'task.created').length);
    // Every order released while a task's pod was lifted and not yet picked is picked by that task.
    const lifted = eventsOf(on.events, 'load.lifted');
    const joined: number[] = [];
    for (const pick of eventsOf(on.events, 'pick.started')) {
      const liftTick = lifted.filter((e) => e.tick <= pick.tick).at(-1)!.tick;
      const doneTick = eventsOf(on.events, 'pick.completed').find((e) => e.task === pick.task)?.tick ?? Infinity;
      for (const r of eventsOf(on.events, 'order.released').filter((e) => e.tick > liftTick && e.tick < doneTick)) {
        expect(
          eventsOf(on.events, 'task.created').some((e) => e.order === r.order),
          `order ${r.order} opened a task`,
        ).toBe(false);
        const picked = eventsOf(on.events, 'pick.completed').filter((e) => e.order === r.order);
        if (picked.length > 0) expect(picked.map((e) => e.task)).toEqual([pick.task]);
        joined.push(r.order);
      }
    }
    expect(joined.length).toBeGreaterThan(0);
  });

  it('is deterministic: same seed, same events and hash', async () => {
    const a = await runStream('until-picked');
    const b = await runStream('until-picked');
    expect(b.hash).toBe(a.hash);
    expect(b.events).toEqual(a.events);
  });
});
