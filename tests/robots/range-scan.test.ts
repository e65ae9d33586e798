import { describe, expect, it } from 'vitest';
import type { FleetController, FleetObservation } from '../../sim/index.ts';
import { makeHost, makeSpec } from '../helpers/make-host.ts';

// Robot 0 spawns at (1.5, 1.5) facing east; robot 1 stands 3 m east of it.
const LAYOUT = ['########', '#S..S..#', '#......#', '#..R..P#', '########'];

describe('range scans by ray cast', () => {
  it('see walls and other robots at their true distances, beam 0 ahead, counter-clockwise', async () => {
    const seen: FleetObservation[] = [];
    const controller: FleetController = { name: 'scanner', scan: { beams: 4, rangeM: 10 }, decide: (o) => (seen.push(o), []) };
    const spec = makeSpec(LAYOUT, { fleet: [{ model: 'shelf-lifter', count: 2 }], horizonSec: 1 });
    const host = await makeHost({ spec, controller });
    host.advance(4);
    // The first observation comes before the first physics step; read the one after it.
    const scan = seen[1]!.robots[0]!.scanM!;
    expect(scan).toHaveLength(4);
    // East: robot 1's chassis (0.7 m long) centred 3 m ahead → its near face at 2.65 m.
    expect(scan[0]).toBeCloseTo(3 - 0.35, 4);
    // North (-z): the wall row ends at z = 1.0.
    expect(scan[1]).toBeCloseTo(0.5, 4);
    // West: the wall column ends at x = 1.0.
    expect(scan[2]).toBeCloseTo(0.5, 4);
    // South: rows 2 and 3 are open below the robot (a pod's shelf is above the beam), wall at z = 4.
    expect(scan[3]).toBeCloseTo(2.5, 4);
  });

  it('are absent unless the controller asks', async () => {
    const seen: FleetObservation[] = [];
    const host = await makeHost({ spec: makeSpec(LAYOUT, { horizonSec: 1 }), controller: { name: 'blind', decide: (o) => (seen.push(o), []) } });
    host.advance(1);
    expect(seen[0]!.robots[0]!.scanM).toBeUndefined();
  });
});
