import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../sim/index.ts';
import { armHost, armSpec, scripted, UR_SUCTION } from './arm-helpers.ts';

const cmd = (kind: string, extra: Record<string, unknown> = {}) => ({ thing: 'arm', id: 0, kind, ...extra });
const at = (xM: number, yM: number, zM: number, yawDeg = 0) => ({ pose: { xM, yM, zM, yawDeg } });
const run = (host: Awaited<ReturnType<typeof armHost>>, ticks: number) => host.advance(ticks).events.filter((e) => e.type !== 'fleet.sampled');
const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
const BOX = { xM: 4.5, zM: 4.2, sizeM: [0.1, 0.1, 0.1], massKg: 0.5 };

/** Pick the box at A = (4.5, 4.2) from above, carry it to B = (3.5, 4.0), set it down 5 mm above the floor. */
const pickAndPlace = (b = { x: 3.5, z: 4.0 }) => [
  cmd('moveP', at(4.5, 0.2, 4.2)),
  cmd('moveL', at(4.5, 0.099, 4.2)),
  cmd('grasp'),
  cmd('moveL', at(4.5, 0.3, 4.2)),
  cmd('moveP', at(b.x, 0.3, b.z, 30)),
  cmd('moveL', at(b.x, 0.106, b.z, 30)),
  cmd('release'),
  cmd('moveL', at(b.x, 0.3, b.z, 30)),
];

describe('grippers in real Rapier', () => {
  it('suction: grasp → move → release carries a box from A to B; released, it is dynamic and falls onto the floor', async () => {
    const host = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: scripted(pickAndPlace()) });
    const box = host.model.kinds.indexOf('box');
    const events = run(host, 30 * 8);
    expect(of(events, 'arm.grasped')).toEqual([expect.objectContaining({ arm: 0, itemKind: 'box', item: 0 })]);
    const released = of(events, 'arm.released')[0]!;
    expect(released).toMatchObject({ arm: 0, itemKind: 'box', item: 0 });
    expect(of(events, 'grasp.failed')).toEqual([]);
    expect(of(events, 'arm.refused')).toEqual([]);
    const rest = host.state.physics.bodyPose(box, 0);
    expect(Math.hypot(rest.x - 3.5, rest.z - 4.0)).toBeLessThan(0.005);
    expect(rest.y).toBeCloseTo(0.05, 2);
    // Turned with the tool: 30° about +y.
    expect(2 * Math.asin(rest.qy) * (180 / Math.PI)).toBeCloseTo(30, 0);
    expect(host.kpis().things?.arm).toMatchObject({ armCycles: 1, grasps: 1, graspFailures: 0, droppedItems: 0 });
  });

  it('a released box falls: let go 0.2 m above the floor, it lands (dynamic body)', async () => {
    const host = await armHost(armSpec([UR_SUCTION], [BOX]), {
      cellController: scripted([
        cmd('moveP', at(4.5, 0.2, 4.2)),
        cmd('moveL', at(4.5, 0.099, 4.2)),
        cmd('grasp'),
        cmd('moveL', at(4.5, 0.3, 4.2)),
        cmd('release'),
      ]),
    });
    const box = host.model.kinds.indexOf('box');
    let releasedAt = -1;
    let yAtRelease = 0;
    while (host.tick < 30 * 10 && releasedAt < 0) {
      if (run(host, 1).some((e) => e.type === 'arm.released')) {
        releasedAt = host.tick;
        yAtRelease = host.state.physics.bodyTranslation(box, 0).y;
      }
    }
    expect(yAtRelease).toBeCloseTo(0.25, 2);
    run(host, 30);
    expect(host.state.physics.bodyTranslation(box, 0).y).toBeCloseTo(0.05, 2);
  });

  it('a grasp with nothing there fails visibly, with the reason', async () => {
    const host = await armHost(armSpec([UR_SUCTION], [BOX]), { cellController: scripted([cmd('moveP', at(4.2, 0.2, 4.5)), cmd('grasp')]) });
    const events = run(host, 30 * 5);
    expect(of(events, 'grasp.failed').map((e) => e.reason)).toEqual(['nothing under the suction cup within 5 mm']);
    expect(host.kpis().things?.arm).toMatchObject({ graspFailures: 1, grasps: 0 });
  });

  it('suction refuses a tilted face; the item stays where it is', async () => {
    const host = await armHost(armSpec([UR_SUCTION], [BOX]), {
      cellController: scripted([
        cmd('moveP', { pose: { xM: 4.5, yM: 0.099, zM: 4.2, q: [0, 0, Math.sin(((180 - 20) * Math.PI) / 360), Math.cos(((180 - 20) * Math.PI) / 360)] } }),
        cmd('grasp'),
      ]),
    });
    const events = run(host, 30 * 5);
    const reasons = [...of(events, 'grasp.failed').map((e) => e.reason), ...of(events, 'arm.refused').map((e) => e.reason)];
    expect(reasons.length).toBe(1);
    expect(reasons[0]).toMatch(/tilted 2\d\.\d° from the cup|nothing under the suction cup/);
  });

  it('an item too heavy for the vacuum slips: a dynamic body again, counted as dropped', async () => {
    const host = await armHost(armSpec([UR_SUCTION], [{ ...BOX, massKg: 8 }]), { cellController: scripted(pickAndPlace()) });
    const events = run(host, 30 * 8);
    expect(of(events, 'grasp.slipped')).toEqual([
      expect.objectContaining({ arm: 0, item: 0, reason: expect.stringMatching(/^slipped: needs 78\.\d N, the suction grip holds 60\.0 N$/) }),
    ]);
    expect(host.kpis().things?.arm).toMatchObject({ droppedItems: 1 });
    expect(host.state.physics.bodyTranslation(host.model.kinds.indexOf('box'), 0).y).toBeCloseTo(0.05, 2);
  });

  it('parallel jaw: grips a box that fits the stroke, refuses one wider than the stroke and one off-centre', async () => {
    const jaw = { ...UR_SUCTION, tool: 'parallel-jaw' };
    const seq = (x: number, z: number) => [cmd('moveP', at(x, 0.3, z, 90)), cmd('moveL', at(x, 0.08, z, 90)), cmd('grasp'), cmd('moveL', at(x, 0.3, z, 90))];
    const boxes = [
      { xM: 4.5, zM: 4.2, sizeM: [0.06, 0.1, 0.06], massKg: 0.3 },
      { xM: 3.5, zM: 4.2, sizeM: [0.12, 0.1, 0.12], massKg: 0.3 },
      { xM: 4.2, zM: 3.5, sizeM: [0.05, 0.1, 0.05], massKg: 0.3 },
    ];
    const host = await armHost(armSpec([jaw], boxes), { cellController: scripted([...seq(4.5, 4.2), cmd('release'), ...seq(3.5, 4.2), ...seq(4.215, 3.5)]) });
    const events = run(host, 30 * 25);
    expect(of(events, 'arm.refused')).toEqual([]);
    expect(of(events, 'arm.grasped').map((e) => e.item)).toEqual([0]);
    expect(of(events, 'grasp.failed').map((e) => e.reason)).toEqual([
      'box:1 is 120.0 mm wide; the jaw opens 85 mm',
      expect.stringMatching(/^box:2 is 1[45]\.\d mm off the jaw's centre \(at most 10 mm\)$/),
    ]);
  });

  it('unreachable targets and malformed commands are refused with a reason, and the arm stays put', async () => {
    const host = await armHost(armSpec([UR_SUCTION]), {
      cellController: scripted([cmd('moveP', at(6, 0.2, 4)), cmd('moveJ', { jointsRad: [1, 2] }), cmd('moveL', { pose: { xM: 'a' } }), cmd('wave')]),
    });
    const events = run(host, 30 * 2);
    expect(of(events, 'arm.refused').map((e) => [e.command, e.reason])).toEqual([
      ['moveP', expect.stringMatching(/^out of reach by 1\.\d{4} m/)],
      ['moveJ', 'jointsRad must be 6 finite numbers for ur5e'],
      ['moveL', 'pose needs finite xM, yM, zM'],
      ['wave', 'unknown arm command "wave"; arm commands: moveJ, moveP, moveL, grasp, release, stop'],
    ]);
  });
});
