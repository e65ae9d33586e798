import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoalDistances, LazyGoalSearch, reverseEdges, robotModels } from '../../robots/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

/** One-way lanes both ways, a pod bay (R), walls that cut off a pocket (the `.` at the right of row 3 is reachable only one way). */
const ROWS = [
  '############',
  '#>>>>>>>>>>#',
  '#....#.....#',
  '#.RR.#.RR#.#',
  '#.RR.#.RR#.#',
  '#....#...#.#',
  '#<<<<<<<<<<#',
  '#S...#####.#',
  '#....#..P#.#',
  '############',
];
const map = compileScenario(makeSpec(ROWS), robotModels).roadmap;
const rev = reverseEdges(map);
const withLandmarks = reverseEdges(map, 3);

describe('LazyGoalSearch (resumable reverse A*: exact distances, only where asked)', () => {
  it('gives every node the same distance as the full breadth-first table, in any order of questions, empty and loaded, with and without landmarks (fast-check, seed 25, 200 runs)', () => {
    expect(withLandmarks.landmarkCount).toBe(3);
    const full = new GoalDistances(map);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: map.nodeCount - 1 }),
        fc.integer({ min: 0, max: map.nodeCount - 1 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: map.nodeCount - 1 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (goal, target, loaded, asked, landmarks) => {
          const table = full.to(goal, loaded);
          const lazy = new LazyGoalSearch(map, landmarks ? withLandmarks : rev, goal, loaded, target);
          // As PIBT asks: a node, then its neighbours.
          for (const n of asked) {
            expect(lazy.at(n)).toBe(table[n]);
            for (let e = map.edgeStart[n]!; e < map.edgeStart[n + 1]!; e++) expect(lazy.at(map.edgeTarget[e]!)).toBe(table[map.edgeTarget[e]!]);
          }
          for (let n = 0; n < map.nodeCount; n++) expect(lazy.at(n)).toBe(table[n]);
        },
      ),
      { seed: 25, numRuns: 200 },
    );
  });

  it('searches a corridor, not the map, on an open floor (a 200 × 200 field: far fewer nodes than the map holds)', () => {
    const open = [
      '#'.repeat(202),
      ...Array.from({ length: 200 }, (_, r) => `#${r === 0 ? 'S.' : r === 100 ? 'RP' : '..'}${'.'.repeat(198)}#`),
      '#'.repeat(202),
    ];
    const big = compileScenario(makeSpec(open), robotModels).roadmap;
    const goal = big.nodeCount - 1;
    const lazy = new LazyGoalSearch(big, reverseEdges(big), goal, false, 0);
    expect(lazy.at(0)).toBe(398);
    for (let e = big.edgeStart[0]!; e < big.edgeStart[1]!; e++) expect(lazy.at(big.edgeTarget[e]!)).toBe(397);
    expect(lazy.searchedNodes).toBeLessThan(big.nodeCount / 20);
  });

  it("field() picks full tables while the fleet's goals fit, lazy searches past that, same numbers", () => {
    const few = new GoalDistances(map, 4);
    const goal = map.nodeCount - 1;
    const table = few.field(goal, false, 0, 4);
    const lazy = few.field(goal, false, 0, 5);
    expect(table).toBeInstanceOf(Int32Array);
    expect(lazy).toBeInstanceOf(LazyGoalSearch);
    for (let n = 0; n < map.nodeCount; n++) expect(lazy.at(n)).toBe(table.at(n));
    few.trimSearches(0);
    expect(few.lazySearchBytes).toBe(0);
  });
});
