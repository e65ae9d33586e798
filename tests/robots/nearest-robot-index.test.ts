import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearestRobotIndex } from '../../robots/fleet/nearest-robot-index.ts';
import type { FleetObservation } from '../../sim/index.ts';

/** The fields the index reads: node centres ((col + 0.5) × cellM, as the roadmap places them) and the grid size. */
function floor(cols: number, rows: number, cellM: number): FleetObservation {
  const n = cols * rows;
  const nodeX = new Float64Array(n);
  const nodeZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodeX[i] = ((i % cols) + 0.5) * cellM;
    nodeZ[i] = (Math.floor(i / cols) + 0.5) * cellM;
  }
  return { roadmap: { nodeCount: n, nodeX, nodeZ }, grid: { cols, rows, cellM } } as unknown as FleetObservation;
}

/** The scan errand assignment did before the index: robots in id order, the first strictly nearer one kept. */
function scan(observation: FleetObservation, robots: ReadonlyArray<{ id: number; node: number }>, taken: Set<number>, to: number): number {
  const { nodeX, nodeZ } = observation.roadmap;
  let best = -1;
  let bestDist = Infinity;
  for (const r of robots) {
    if (taken.has(r.id)) continue;
    const d = Math.abs(nodeX[r.node]! - nodeX[to]!) + Math.abs(nodeZ[r.node]! - nodeZ[to]!);
    if (d < bestDist) {
      bestDist = d;
      best = r.id;
    }
  }
  return best;
}

describe('NearestRobotIndex', () => {
  it('picks what the scan in id order picks (nearest, lowest id on ties), query after query as robots are taken (fast-check, seed 10000, 300 runs, robots stacked on shared nodes too)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(1, 0.5, 1.3),
        fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 150 }),
        (cols, rows, cellM, nodes, queries) => {
          const observation = floor(cols, rows, cellM);
          const n = cols * rows;
          // Ids ascending with gaps, as the idle robots of a fleet are.
          const robots = nodes.map((v, i) => ({ id: 2 * i + (v % 2), node: v % n }));
          const index = new NearestRobotIndex(observation, robots);
          const taken = new Set<number>();
          for (const q of queries) {
            const expected = scan(observation, robots, taken, q % n);
            expect(index.nearest(q % n)).toBe(expected);
            if (expected < 0) break;
            index.take(expected);
            taken.add(expected);
          }
        },
      ),
      { seed: 10000, numRuns: 300 },
    );
  });

  it('finds the robot in the far corner of a large floor when it is the only one, and -1 once it is taken', () => {
    const observation = floor(500, 140, 1);
    const index = new NearestRobotIndex(observation, [{ id: 7, node: 500 * 140 - 1 }]);
    expect(index.nearest(0)).toBe(7);
    index.take(7);
    expect(index.nearest(0)).toBe(-1);
  });
});
