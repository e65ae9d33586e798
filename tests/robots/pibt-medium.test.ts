import { describe, expect, it } from 'vitest';
import { robotRows } from '../../sim/index.ts';
import { makeHost } from '../helpers/make-host.ts';

/** Simulated minutes per fleet size: long enough for every robot to fetch, queue and return pods. */
const MINUTES = 3;
/** A reported deadlock must be broken (some member moves) within this many seconds. */
const MAX_DEADLOCK_SEC = 30;

describe('pibt on g2p-medium', () => {
  it.each([100, 150])(
    'with %i robots for 3 simulated minutes: no robot-robot collision, every deadlock broken within 30 s, orders delivered',
    async (robots) => {
      const host = await makeHost({ scenario: 'warehouse/g2p-medium', controller: 'pibt', seed: 7, overrides: { robots, minutes: MINUTES } });
      const hz = host.model.hz;
      let deadlocks = 0;
      let rejected = 0;
      let longestSec = 0;
      /** Open deadlocks: when the wait began and where each member stood; broken once any member moves. */
      const open: Array<{ sinceTick: number; nodes: Map<number, number> }> = [];
      const nodeOf = (i: number) => Math.floor(robotRows.table(host.state).posZ[i]!) * 1000 + Math.floor(robotRows.table(host.state).posX[i]!);
      while (!host.done) {
        for (const e of host.advance(hz).events) {
          if (e.type === 'command.rejected') rejected += 1;
          if (e.type !== 'deadlock.detected') continue;
          deadlocks += 1;
          open.push({ sinceTick: e.tick - Math.round(e.waitedSec * hz), nodes: new Map(e.robots.map((r) => [r, nodeOf(r)])) });
        }
        for (let k = open.length - 1; k >= 0; k--) {
          const d = open[k]!;
          longestSec = Math.max(longestSec, (host.tick - d.sinceTick) / hz);
          if ([...d.nodes].some(([robot, node]) => nodeOf(robot) !== node)) open.splice(k, 1);
        }
      }
      const kpis = host.kpis();
      console.log(
        `pibt, ${robots} robots, ${MINUTES} min: ${kpis.ordersDelivered} delivered, ${deadlocks} deadlocks (longest ${longestSec.toFixed(1)} s), collisions ${JSON.stringify(kpis.collisions)}`,
      );
      expect(kpis.collisions.robotRobot).toBe(0);
      expect(kpis.collisions.robotLoad).toBe(0);
      expect(rejected).toBe(0);
      expect(longestSec).toBeLessThanOrEqual(MAX_DEADLOCK_SEC);
      expect(kpis.ordersDelivered).toBeGreaterThan(15);
    },
    240_000,
  );
});
