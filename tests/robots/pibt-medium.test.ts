import { describe, expect, it } from 'vitest';
import { makeHost } from '../helpers/make-host.ts';

/** Simulated minutes per fleet size: long enough for every robot to fetch, queue and return pods. */
const MINUTES = 3;

describe('pibt on g2p-medium', () => {
  it.each([100, 150])('with %i robots for 3 simulated minutes: no robot-robot collision, no deadlock, orders delivered', async (robots) => {
    const host = await makeHost({ scenario: 'warehouse/g2p-medium', controller: 'pibt', seed: 7, overrides: { robots, minutes: MINUTES } });
    let deadlocks = 0;
    let rejected = 0;
    while (!host.done) {
      for (const e of host.advance(600).events) {
        if (e.type === 'deadlock.detected') deadlocks += 1;
        if (e.type === 'command.rejected') rejected += 1;
      }
    }
    const kpis = host.kpis();
    console.log(`pibt, ${robots} robots, ${MINUTES} min: ${kpis.ordersDelivered} delivered, ${deadlocks} deadlocks, collisions ${JSON.stringify(kpis.collisions)}`);
    expect(kpis.collisions.robotRobot).toBe(0);
    expect(kpis.collisions.robotLoad).toBe(0);
    expect(rejected).toBe(0);
    expect(deadlocks).toBe(0);
    expect(kpis.ordersDelivered).toBeGreaterThan(15);
  }, 240_000);
});
