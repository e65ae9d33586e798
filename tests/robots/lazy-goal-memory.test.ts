import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoalDistances, LazyGoalSearch, reverseEdges, robotModels } from '../../robots/index.ts';
import { compileScenario } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

/** A 60 × 60 floor with a pod bay and a wall with two gaps: open lists grow, then retargets drop what is closed. */
const ROWS = [
  '#'.repeat(62),
  ...Array.from({ length: 60 }, (_, r) => {
    const cells: string[] = Array.from({ length: 60 }, (_, c) => (c === 30 && r !== 5 && r !== 50 ? '#' : r >= 20 && r < 24 && c >= 10 && c < 20 ? 'R' : '.'));
    if (r === 0) cells[0] = 'S';
    if (r === 59) cells[59] = 'P';
    return `#${cells.join('')}#`;
  }),
  '#'.repeat(62),
];
const map = compileScenario(makeSpec(ROWS), robotModels).roadmap;
const rev = reverseEdges(map);
const withLandmarks = reverseEdges(map, 4);

describe('LazyGoalSearch memory (growth reported to its owner, open list given back)', () => {
  it('reports every change of its bytes (growth and shrinking) so a running total always equals `bytes`, and stays exact (fast-check, seed 26, 150 runs)', () => {
    const full = new GoalDistances(map);
    let shrinks = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: map.nodeCount - 1 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: map.nodeCount - 1 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (goal, loaded, asked, landmarks) => {
          const table = full.to(goal, loaded);
          let total = 0;
          const lazy = new LazyGoalSearch(map, landmarks ? withLandmarks : rev, goal, loaded, asked[0]!, (addedBytes) => {
            total += addedBytes;
            if (addedBytes < 0) shrinks++;
          });
          total += lazy.bytes;
          for (const n of asked) {
            expect(lazy.at(n)).toBe(table[n]);
            expect(total).toBe(lazy.bytes);
          }
        },
      ),
      { seed: 26, numRuns: 150 },
    );
    // The property above must have seen the open list shrink, else it tested growth only.
    expect(shrinks).toBeGreaterThan(0);
  });

  it('a controller-wide budget trims searches by the reported bytes to zero', () => {
    const distances = new GoalDistances(map, 1);
    for (let goal = 0; goal < map.nodeCount; goal += 97) distances.field(goal, false, 0, 1_000).at(map.nodeCount - 1 - goal);
    expect(distances.lazySearchBytes).toBeGreaterThan(0);
    distances.trimSearches(0);
    expect(distances.lazySearchBytes).toBe(0);
  });
});
