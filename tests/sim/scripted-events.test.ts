import { describe, expect, it } from 'vitest';
import { robotRows } from '../../sim/index.ts';
import { FRAME_MODE_FAULTED, type FleetController } from '../../sim/index.ts';
import { makeHost, makeSpec, runCollect } from '../helpers/make-host.ts';

const LAYOUT = ['############', '#S.........#', '#..........#', '#..R.....P.#', '############'];
const creep: FleetController = { name: 'creep', decide: (o) => (o.tick === 0 ? [{ kind: 'drive', robot: 0, linearMps: 0.2, angularRps: 0 }] : []) };

describe('the scripted-event timeline', () => {
  it('fires robot.stall on round(atSec × hz), logs it, stops the robot dead and clears it on time', async () => {
    const host = await makeHost({ spec: makeSpec(LAYOUT, { events: [{ atSec: 1, kind: 'robot.stall', robot: 0, durationSec: 2 }] }), controller: creep });
    const events = runCollect(host, 31);
    expect(events.filter((e) => e.type === 'scripted.fired' || e.type.startsWith('fault.'))).toEqual([
      { type: 'scripted.fired', tick: 30, index: 0, kind: 'robot.stall', owner: 'robot' },
      { type: 'fault.injected', tick: 30, robot: 0, kind: 'robot.stall', durationSec: 2 },
    ]);
    const frame = host.frame();
    expect(frame.sections.robot![5]).toBe(FRAME_MODE_FAULTED);
    const x = robotRows.table(host.state).posX[0]!;
    const later = runCollect(host, 60);
    expect(robotRows.table(host.state).posX[0]).toBe(x);
    expect(later.find((e) => e.type === 'fault.cleared')).toEqual({ type: 'fault.cleared', tick: 90, robot: 0 });
    runCollect(host, 30);
    expect(robotRows.table(host.state).posX[0]).toBeGreaterThan(x);
    expect(host.kpis().faults).toBe(1);
  });

  it('fires events of one tick in spec order, and none before their time', async () => {
    const spec = makeSpec(LAYOUT, {
      events: [
        { atSec: 2, kind: 'robot.stall', robot: 0, durationSec: 1 },
        { atSec: 0.5, kind: 'robot.stall', robot: 0, durationSec: 0.5 },
        { atSec: 2, kind: 'robot.stall', robot: 0, durationSec: 3 },
      ],
    });
    const host = await makeHost({ spec, controller: creep });
    const fired = runCollect(host, 90).filter((e) => e.type === 'scripted.fired');
    expect(fired.map((e) => (e.type === 'scripted.fired' ? [e.tick, e.index] : []))).toEqual([
      [15, 1],
      [60, 0],
      [60, 2],
    ]);
    expect(robotRows.table(host.state).faultUntilTick[0]).toBe(150);
  });
});
