import { describe, expect, it } from 'vitest';
import { controllers } from '../../robots/index.ts';
import { laneEntryRoadmap } from '../../robots/fleet/lane-fed-nodes.ts';
import { findScenario } from '../../scenarios/index.ts';
import { hasEdge } from '../../sim/index.ts';
import { makeHost } from '../helpers/make-host.ts';

/** Row and column of a roadmap node on the sortation floor. */
function cellOf(host: Awaited<ReturnType<typeof makeHost>>, node: number): [number, number] {
  const cols = host.model.grid.cols;
  const cell = host.model.roadmap.nodeCell[node]!;
  return [Math.floor(cell / cols), cell % cols];
}

describe('reserve on warehouse/sortation', () => {
  it('the inducts are the lane-fed nodes: entered only down their queue lane, left as before; g2p floors keep every edge', async () => {
    const host = await makeHost({ scenario: 'warehouse/sortation', controller: 'greedy' });
    const map = host.model.roadmap;
    const lanes = laneEntryRoadmap(map);
    const rows = findScenario('warehouse/sortation')!.layout.rows as string[];
    const fed = [...lanes.fed.keys()].filter((n) => lanes.fed[n] === 1);
    expect(fed.map((n) => cellOf(host, n)).map(([r, c]) => rows[r]![c])).toEqual(['I', 'I', 'I', 'I']);
    for (const induct of fed) {
      const [r, c] = cellOf(host, induct);
      const queue = map.cellNode[(r - 1) * host.model.grid.cols + c]!;
      const south = map.cellNode[(r + 1) * host.model.grid.cols + c]!;
      expect(hasEdge(lanes.roadmap, queue, induct)).toBe(true);
      // The aisle it is left into: still an exit, no longer an entry (it was one on the full roadmap).
      expect(hasEdge(map, south, induct)).toBe(true);
      expect(hasEdge(lanes.roadmap, south, induct)).toBe(false);
      expect(hasEdge(lanes.roadmap, induct, south)).toBe(true);
    }
    // Only side entries into inducts are gone: 3 per induct here (the aisle south, the lanes west and east).
    expect(map.edgeTarget.length - lanes.roadmap.edgeTarget.length).toBe(3 * fed.length);
    const g2p = await makeHost({ scenario: 'warehouse/g2p-small', controller: 'greedy' });
    expect(laneEntryRoadmap(g2p.model.roadmap).fedCount).toBe(0);
    expect(laneEntryRoadmap(g2p.model.roadmap).roadmap).toBe(g2p.model.roadmap);
  });

  it("the whole hour flows: parcels per hour are at least 80 % of the first 10 minutes' rate", async () => {
    const host = await makeHost({ scenario: 'warehouse/sortation', controller: controllers.reserve!() });
    expect(host.model.horizonTicks / host.model.hz).toBe(3600);
    const tenMinTicks = 600 * host.model.hz;
    let firstTen = 0;
    let hour = 0;
    while (!host.done) {
      for (const e of host.advance(1800).events) {
        if (e.type !== 'parcel.sorted') continue;
        hour += 1;
        if (e.tick < tenMinTicks) firstTen += 1;
      }
    }
    console.log(`sortation × reserve: ${firstTen} parcels in the first 10 min (${firstTen * 6}/h), ${hour} in the hour`);
    expect(firstTen).toBeGreaterThan(150);
    expect(hour).toBeGreaterThanOrEqual(0.8 * firstTen * 6);
    expect(host.kpis().collisions.robotRobot).toBe(0);
  }, 600_000);
});
