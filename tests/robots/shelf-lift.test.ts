import { describe, expect, it } from 'vitest';
import { loadRows, robotRows } from '../../sim/index.ts';
import type { FleetController, FleetObservation, RobotCommand } from '../../sim/index.ts';
import { KindIndex } from '../../sim/index.ts';
import { makeHost, makeSpec } from '../helpers/make-host.ts';

const LAYOUT = ['#########', '#S......#', '#.......#', '#..R....#', '#.......#', '#...P...#', '#########'];

/** Scripted: fetch the pod, bring it to the station, wait, bring it home, set it down. */
function scriptedCarrier(log: (o: FleetObservation, phase: string) => void): FleetController {
  let phase = 'fetch';
  let waitUntilTick = 0;
  return {
    name: 'scripted',
    decide(o): RobotCommand[] {
      const robot = o.robots[0]!;
      const pod = o.loads[0]!;
      const station = o.stations[0]!.node;
      log(o, phase);
      if (robot.mode !== 'hold') return [];
      switch (phase) {
        case 'fetch':
          if (robot.atNode && robot.node === pod.homeNode) {
            phase = 'lift';
            return [{ kind: 'lift', robot: 0 }];
          }
          return [{ kind: 'goto', robot: 0, node: pod.homeNode }];
        case 'lift':
          phase = 'deliver';
          return [{ kind: 'goto', robot: 0, node: station }];
        case 'deliver':
          phase = 'present';
          waitUntilTick = o.tick + 60;
          return [];
        case 'present':
          if (o.tick < waitUntilTick) return [];
          phase = 'return';
          return [{ kind: 'goto', robot: 0, node: pod.homeNode }];
        case 'return':
          phase = 'drop';
          return [{ kind: 'drop', robot: 0 }];
        default:
          return [];
      }
    },
  };
}

describe('a shelf-lifting robot', () => {
  it('lifts a pod, carries it to a station and back: the pod body moves with it', async () => {
    const seen: Array<{ phase: string; pod: { x: number; y: number; z: number }; robot: { x: number; z: number } }> = [];
    let hostRef: Awaited<ReturnType<typeof makeHost>> | null = null;
    const controller = scriptedCarrier((o, phase) => {
      const pose = hostRef!.state.physics.bodyPose(KindIndex.Load, 0);
      seen.push({ phase, pod: { x: pose.x, y: pose.y, z: pose.z }, robot: { x: o.robots[0]!.x, z: o.robots[0]!.z } });
    });
    const host = await makeHost({ spec: makeSpec(LAYOUT, { horizonSec: 90 }), controller });
    hostRef = host;
    const home = host.state.physics.bodyPose(KindIndex.Load, 0);
    expect(home.x).toBeCloseTo(3.5, 6);
    expect(home.z).toBeCloseTo(3.5, 6);
    const events = [];
    while (!host.done) events.push(...host.advance(300).events);

    const types = events.map((e) => e.type);
    expect(types).toContain('load.lifted');
    expect(types).toContain('load.dropped');
    expect(types).not.toContain('command.rejected');
    // At the station the pod rides on the robot, raised by the lift.
    const present = seen.filter((s) => s.phase === 'present');
    expect(present.length).toBeGreaterThan(5);
    const atStation = present[present.length - 1]!;
    expect(atStation.pod.x).toBeCloseTo(4.5, 2);
    expect(atStation.pod.z).toBeCloseTo(5.5, 2);
    expect(atStation.pod.y).toBeCloseTo(0.06, 3);
    expect(atStation.robot.x).toBeCloseTo(atStation.pod.x, 2);
    // Back home the pod rests on the floor again where it started, and the robot is free.
    const final = host.state.physics.bodyPose(KindIndex.Load, 0);
    expect(final.x).toBeCloseTo(3.5, 2);
    expect(final.z).toBeCloseTo(3.5, 2);
    expect(Math.abs(final.y)).toBeLessThan(0.02);
    expect(loadRows.table(host.state).node[0]).toBe(loadRows.things(host.model)[0]!.homeNode);
    expect(robotRows.table(host.state).carriedLoad[0]).toBe(-1);
    expect(host.kpis().collisions.total).toBe(0);
  });
});
