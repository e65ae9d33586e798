import { describe, expect, it } from 'vitest';
import { armsOf, canReach, cellControllers, createPickPlaceCell, pick, place } from '../../../robots/index.ts';
import type { FleetObservation } from '../../../sim/index.ts';
import { armHost, armSpec, UR_SUCTION } from '../../sim/arm/arm-helpers.ts';

const N = 4;
/** Four boxes in a 2 × 2 grid on the pick side, four pallet slots on the other side of the arm. */
const boxes = Array.from({ length: N }, (_, i) => ({ xM: 4.3 + 0.12 * (i % 2), zM: 4.3 + 0.12 * Math.floor(i / 2), sizeM: [0.08, 0.08, 0.08], massKg: 0.4 }));
const slots = Array.from({ length: N }, (_, i) => ({ xM: 3.55 + 0.12 * (i % 2), yM: 0, zM: 3.6 + 0.12 * Math.floor(i / 2), yawDeg: 0 }));
const cell = { ...UR_SUCTION, homeDeg: [135, -90, 90, -90, -90, 0], placeSlots: slots };

describe('the built-in pick-and-place cell controller', () => {
  it(`completes ${N} pick-and-place cycles and reports the arm cycle time`, async () => {
    const host = await armHost(armSpec([cell], boxes), { cellController: cellControllers['pick-place']!() });
    const events = host.advance(30 * 90).events;
    const kpis = host.kpis().things!.arm!;
    expect(events.filter((e) => e.type === 'grasp.failed' || e.type === 'arm.refused' || e.type === 'grasp.slipped')).toEqual([]);
    expect(kpis.armCycles).toBe(N);
    const box = host.model.kinds.indexOf('box');
    for (let i = 0; i < N; i++) {
      const p = host.state.physics.bodyTranslation(box, i);
      expect(slots.some((s) => Math.hypot(p.x - s.xM, p.z - s.zM) < 0.01 && Math.abs(p.y - 0.04) < 0.005)).toBe(true);
    }
    expect(kpis.armCycleTimeMeanSec).toBeGreaterThan(2);
    expect(kpis.armCycleTimeMeanSec).toBeLessThan(12);
    console.log(
      `UR5e + suction cell: ${kpis.armCycles} cycles, cycle time mean ${kpis.armCycleTimeMeanSec!.toFixed(2)} s, p95 ${kpis.armCycleTimeP95Sec!.toFixed(2)} s`,
    );
  });

  it('an Epson G6-453S SCARA with suction runs the same cell controller', async () => {
    const scara = {
      model: 'epson-g6-453s',
      base: { xM: 4, yM: 0, zM: 4 },
      tool: 'suction',
      placeSlots: [
        { xM: 3.7, yM: 0, zM: 3.8 },
        { xM: 3.7, yM: 0, zM: 4.2 },
      ],
    };
    const tall = [
      { xM: 4.3, zM: 3.85, sizeM: [0.06, 0.2, 0.06], massKg: 0.3 },
      { xM: 4.3, zM: 4.15, sizeM: [0.06, 0.2, 0.06], massKg: 0.3 },
    ];
    // The quill travels 150 mm: approach 5 cm above the grip.
    const host = await armHost(armSpec([scara], tall), { cellController: createPickPlaceCell({ approachM: 0.05 }) });
    const events = host.advance(30 * 40).events;
    expect(events.filter((e) => e.type === 'grasp.failed' || e.type === 'arm.refused' || e.type === 'grasp.slipped')).toEqual([]);
    const kpis = host.kpis().things!.arm!;
    expect(kpis.armCycles).toBe(2);
    console.log(
      `Epson G6-453S + suction cell: ${kpis.armCycles} cycles, cycle time mean ${kpis.armCycleTimeMeanSec!.toFixed(2)} s, p95 ${kpis.armCycleTimeP95Sec!.toFixed(2)} s`,
    );
  });

  it("the SDK builds pick and place sequences and checks reachability with the sim's IK", async () => {
    const host = await armHost(armSpec([cell], boxes), { cellController: createPickPlaceCell() });
    let seen: FleetObservation | null = null;
    host.load({
      spec: armSpec([cell], boxes),
      controller: { name: 'spy', decide: (o) => ((seen = o), []) },
      kinds: (await import('../../sim/arm/arm-helpers.ts')).armKinds,
    });
    host.advance(4);
    const arm = armsOf(seen!)[0]!;
    expect(arm.reachable.map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect(arm.reachable[0]!.topYM).toBeCloseTo(0.08, 3);
    expect(pick(arm, arm.reachable[0]!).map((c) => c.kind)).toEqual(['moveP', 'moveL', 'grasp', 'moveL']);
    expect(place(arm, { xM: 3.6, yM: 0.1, zM: 3.6 }).map((c) => c.kind)).toEqual(['moveP', 'moveL', 'release', 'moveL']);
    expect(canReach(arm, { xM: 4.5, yM: 0.1, zM: 4.4 }).ok).toBe(true);
    const far = canReach(arm, { xM: 6, yM: 0.1, zM: 4 });
    expect(!far.ok && far.reason).toMatch(/^out of reach by/);
  });
});
