import fc from 'fast-check';
import { robotRows } from '../../sim/index.ts';
import { describe, expect, it } from 'vitest';
import { createFailureTally, runExitCode, failureLine } from '../../bench/run/run-failures.ts';
import { CellKind, type FleetController, type RobotCommand, type SimEvent } from '../../sim/index.ts';
import { makeHost } from '../helpers/make-host.ts';

const SEED = 20261202;

/** Every robot drives at its top speed with a turn rate drawn per robot and control tick. */
function reckless(turns: readonly number[]): FleetController {
  return {
    name: 'reckless',
    decide: (o) =>
      o.robots.map(
        (r, i): RobotCommand => ({ kind: 'drive', robot: r.id, linearMps: r.maxSpeedMps, angularRps: turns[(i + o.tick) % turns.length]! * r.maxTurnRps }),
      ),
  };
}

describe('physics sanity', () => {
  it('robots driven at top speed (fast-check: 4 runs of 40 s) never tunnel into a wall or leave the layout; the watchdog stays quiet', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 12 }), async (turns) => {
        const host = await makeHost({ controller: reckless(turns), seed: 3, overrides: { robots: 20, minutes: 40 / 60 } });
        const { grid } = host.model;
        const r = robotRows.table(host.state);
        const events: SimEvent[] = [];
        while (!host.done) {
          events.push(...host.advance(host.model.controlEvery).events);
          for (let i = 0; i < r.count; i++) {
            const col = Math.floor(r.posX[i]! / grid.cellM);
            const row = Math.floor(r.posZ[i]! / grid.cellM);
            expect(col >= 0 && row >= 0 && col < grid.cols && row < grid.rows, `robot ${i} left the layout at tick ${host.tick}`).toBe(true);
            expect(grid.kinds[row * grid.cols + col], `robot ${i} inside a wall at tick ${host.tick}`).not.toBe(CellKind.Wall);
          }
        }
        expect(events.filter((e) => e.type === 'watchdog.tripped')).toEqual([]);
        host.dispose();
      }),
      { seed: SEED, numRuns: 4 },
    );
  }, 60_000);

  it('the watchdog names the robot and tick when a pose becomes NaN, once, and the run is reported as stopped (exit 4)', async () => {
    const host = await makeHost({ overrides: { robots: 4, minutes: 0.5 } });
    host.advance(30);
    robotRows.table(host.state).posZ[2] = Number.NaN;
    const events = host.advance(60).events.filter((e) => e.type === 'watchdog.tripped');
    expect(events).toEqual([{ type: 'watchdog.tripped', tick: 30, kind: 'robot', thing: 2, reason: 'robot 2: its pose is not a number' }]);
    const tally = createFailureTally();
    for (const e of events) tally.add(e);
    expect(tally.result().stopped).toEqual({ by: 'watchdog', tick: 30, reason: 'robot 2: its pose is not a number' });
    expect(runExitCode(tally.result())).toBe(4);
    expect(failureLine(tally.result())).toBe('watchdog stopped the episode at tick 30: robot 2: its pose is not a number');
    host.dispose();
  });

  it('the watchdog names a robot that left the floor', async () => {
    const host = await makeHost({ overrides: { robots: 4, minutes: 0.5 } });
    robotRows.table(host.state).posX[1] = 1e4;
    const events = host.advance(3).events.filter((e) => e.type === 'watchdog.tripped');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tick: 0, kind: 'robot', thing: 1 });
    expect((events[0] as { reason: string }).reason).toMatch(/^robot 1: it left the floor at \(10000\.00, /);
    host.dispose();
  });
});
