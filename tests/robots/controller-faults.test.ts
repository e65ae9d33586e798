import { describe, expect, it } from 'vitest';
import { robotRows } from '../../sim/index.ts';
import type { FleetController, SimEvent } from '../../sim/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

const rejected = (events: SimEvent[]) => events.filter((e): e is Extract<SimEvent, { type: 'command.rejected' }> => e.type === 'command.rejected');

/** Every robot drives forward, except as `corrupt` says. */
function driving(corrupt: (robot: number) => unknown): FleetController {
  return {
    name: 'faulty',
    decide: (o) => o.robots.map((r) => corrupt(r.id) ?? { kind: 'drive', robot: r.id, linearMps: 0.5, angularRps: 0 }) as never,
  };
}

async function runWith(controller: FleetController) {
  const host = await makeHost({ controller, seed: 3, overrides: { minutes: 0.5 } });
  const events = runCollect(host);
  return { host, events };
}

describe('controllers that misbehave', () => {
  it('a controller that throws: every robot holds, each rejection names the robot, the run finishes', async () => {
    const { host, events } = await runWith({
      name: 'thrower',
      decide: () => {
        throw new Error('policy exploded');
      },
    });
    expect(host.tick).toBe(host.model.horizonTicks);
    const rej = rejected(events);
    expect(new Set(rej.map((e) => e.robot))).toEqual(new Set(robotRows.things(host.model).map((r) => r.id)));
    expect(rej[0]!.reason).toBe('decide() threw: policy exploded');
    expect(events.some((e) => e.type === 'controller.failed')).toBe(true);
    expect(Math.max(...robotRows.table(host.state).distanceM)).toBe(0);
  });

  it('a controller that returns garbage instead of commands is reported and its robots hold', async () => {
    const { host, events } = await runWith({ name: 'garbage', decide: () => 42 as never });
    expect(rejected(events)[0]!.reason).toBe('decide() returned number, not an array of commands');
    expect(Math.max(...robotRows.table(host.state).distanceM)).toBe(0);
  });

  it('a NaN speed makes only that robot hold, with the reason', async () => {
    const { host, events } = await runWith(driving((id) => (id === 3 ? { kind: 'drive', robot: 3, linearMps: Number.NaN, angularRps: 0 } : undefined)));
    const rej = rejected(events);
    expect(rej.length).toBeGreaterThan(0);
    expect(rej.every((e) => e.robot === 3)).toBe(true);
    expect(rej[0]!.reason).toBe('drive.linearMps is NaN, not a finite number');
    expect(robotRows.table(host.state).distanceM[3]).toBe(0);
    expect(robotRows.table(host.state).distanceM[4]).toBeGreaterThan(0.1);
  });

  it('a command for an unknown robot is rejected with the robot it named', async () => {
    const { host, events } = await runWith(driving((id) => (id === 0 ? { kind: 'drive', robot: 999, linearMps: 0.2, angularRps: 0 } : undefined)));
    const rej = rejected(events);
    expect(rej.length).toBeGreaterThan(0);
    expect(rej[0]!.reason).toBe('unknown robot 999 (fleet has 20)');
    expect(rej[0]!.robot).toBe(-1);
    expect(host.tick).toBe(host.model.horizonTicks);
  });

  it('an out-of-range speed is refused, not clamped', async () => {
    const { events } = await runWith(driving((id) => (id === 1 ? { kind: 'drive', robot: 1, linearMps: 9, angularRps: 0 } : undefined)));
    expect(rejected(events)[0]).toMatchObject({ robot: 1, reason: "drive.linearMps 9 exceeds the model's 1.5 m/s" });
  });
});
