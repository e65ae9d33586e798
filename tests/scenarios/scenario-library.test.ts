import { describe, expect, it } from 'vitest';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/** Ticks in 10 simulated minutes at 30 Hz. */
const TEN_MINUTES = 10 * 60 * 30;

describe.each([
  ['warehouse/tote-to-person', 'reserve'],
  ['warehouse/sortation', 'reserve'],
  ['warehouse/sortation', 'greedy'],
])('%s with %s', (scenario, controller) => {
  it('compiles, runs 10 simulated minutes deterministically and delivers work', async () => {
    const run = async () => {
      const host = await makeHost({ scenario, controller, seed: 3, overrides: { minutes: 10 } });
      const events = runCollect(host, TEN_MINUTES);
      const out = { hash: host.hash(), kpis: host.kpis(), events: events.length };
      host.dispose();
      return out;
    };
    const a = await run();
    const b = await run();
    expect(b.hash).toBe(a.hash);
    expect(b.events).toBe(a.events);
    if (controller === 'reserve') expect(a.kpis.commandsRejected).toBe(0);
    if (scenario === 'warehouse/tote-to-person') {
      expect(a.kpis.ordersDelivered).toBeGreaterThan(20);
      expect(a.kpis.linesPicked).toBeGreaterThan(40);
    } else {
      // reserve once side-stepped a robot it had just sent on its way: the stale route was rejected and the field jammed (84 sorted).
      expect(a.kpis.things?.chute?.parcelsSorted).toBeGreaterThan(controller === 'reserve' ? 120 : 5);
      expect(a.kpis.things?.chute?.parcelsSorted).toBe(a.kpis.things?.errand?.tasksFinished);
    }
  }, 600_000);
});
