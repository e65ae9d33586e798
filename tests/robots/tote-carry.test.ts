import { describe, expect, it } from 'vitest';
import { loadRows, robotRows } from '../../sim/index.ts';
import type { FleetController, RobotCommand } from '../../sim/index.ts';
import { KindIndex } from '../../sim/index.ts';
import { makeHost, makeSpec } from '../helpers/make-host.ts';

const LAYOUT = ['#########', '#S......#', '#.......#', '#...T...#', '#.......#', '#...P...#', '#########'];

describe('a tote-carrying robot', () => {
  it('drives in under a tote on its stand, raises it, carries it off and back, and sets it down on the stand', async () => {
    let phase = 'fetch';
    const controller: FleetController = {
      name: 'scripted-tote',
      decide(o): RobotCommand[] {
        const robot = o.robots[0]!;
        const tote = o.loads[0]!;
        if (robot.mode !== 'hold') return [];
        if (phase === 'fetch') {
          if (robot.atNode && robot.node === tote.homeNode) {
            phase = 'carry';
            return [{ kind: 'lift', robot: 0 }];
          }
          return [{ kind: 'goto', robot: 0, node: tote.homeNode }];
        }
        if (phase === 'carry') {
          phase = 'try-floor';
          return [{ kind: 'goto', robot: 0, node: o.stations[0]!.node }];
        }
        if (phase === 'try-floor') {
          phase = 'restand';
          return [{ kind: 'drop', robot: 0 }];
        }
        if (phase === 'restand') {
          phase = 'drop';
          return [{ kind: 'goto', robot: 0, node: tote.homeNode }];
        }
        if (phase === 'drop') {
          phase = 'leave';
          return [{ kind: 'drop', robot: 0 }];
        }
        if (phase === 'leave') {
          phase = 'done';
          return [{ kind: 'goto', robot: 0, node: o.stations[0]!.node }];
        }
        return [];
      },
    };
    const spec = makeSpec(LAYOUT, { fleet: [{ model: 'tote-carrier', count: 1 }], horizonSec: 90 });
    const host = await makeHost({ spec, controller });
    const start = host.state.physics.bodyPose(KindIndex.Load, 0);
    expect(start).toMatchObject({ x: 4.5, z: 3.5 });
    expect(start.y).toBeCloseTo(0.4, 6);
    const events = [];
    while (!host.done) events.push(...host.advance(300).events);
    const types = events.map((e) => e.type);
    expect(types).toContain('load.lifted');
    expect(types).toContain('load.dropped');
    // Off a stand the tote is refused (it would sit on the deck); back on its stand it is set down.
    const rejections = events.filter((e) => e.type === 'command.rejected');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ robot: 0, reason: expect.stringContaining('a tote can only be set down on a tote stand (T)') });
    const end = host.state.physics.bodyPose(KindIndex.Load, 0);
    expect(end.x).toBeCloseTo(4.5, 2);
    expect(end.z).toBeCloseTo(3.5, 2);
    expect(end.y).toBeCloseTo(0.4, 2);
    // The robot drove away from under it and the tote stayed on its stand.
    expect(robotRows.table(host.state).posX[0]).toBeCloseTo(4.5, 2);
    expect(robotRows.table(host.state).posZ[0]).toBeCloseTo(5.5, 2);
    expect(loadRows.table(host.state).node[0]).toBe(loadRows.things(host.model)[0]!.homeNode);
    expect(host.kpis().collisions.robotStatic).toBe(0);
  });
});
