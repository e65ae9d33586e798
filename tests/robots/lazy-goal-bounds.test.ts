import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAZY_TUNING, GoalDistances, LazyGoalSearch, reverseEdges, robotModels, UNREACHABLE_STEPS } from '../../robots/index.ts';
import { compileScenario, type Roadmap } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

/**
 * The lazy search answers most of PIBT's questions without searching, from lower bounds
 * (Manhattan, landmarks, closed neighbours, the grid's parity) that meet a node's tentative
 * distance; these tests pin those answers to the full breadth-first tables on maps drawn at random.
 */

/** A `size` × `size` floor inside a wall ring: `cells` gives each inner cell ('#' wall, 'R' pod, '.' floor); S, R and P fixed in three corners. */
function floorOf(size: number, cells: readonly string[]): Roadmap {
  const rows = ['#'.repeat(size + 2)];
  for (let r = 0; r < size; r++) {
    let line = '#';
    for (let c = 0; c < size; c++)
      line += r === 0 && c === 0 ? 'S' : r === 0 && c === size - 1 ? 'R' : r === size - 1 && c === size - 1 ? 'P' : cells[r * size + c]!;
    rows.push(`${line}#`);
  }
  rows.push('#'.repeat(size + 2));
  return compileScenario(makeSpec(rows), robotModels).roadmap;
}

/** Steps from `source` to every node (plain breadth-first search along the edges). */
function stepsFrom(map: Roadmap, source: number): Int32Array {
  const dist = new Int32Array(map.nodeCount).fill(UNREACHABLE_STEPS);
  const queue = [source];
  dist[source] = 0;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let e = map.edgeStart[v]!; e < map.edgeStart[v + 1]!; e++) {
      const u = map.edgeTarget[e]!;
      if (dist[u] !== UNREACHABLE_STEPS) continue;
      dist[u] = dist[v]! + 1;
      queue.push(u);
    }
  }
  return dist;
}

/**
 * A goal on a `size` × `size` floor drawn at random (mostly floor, some walls, pods and one-way
 * cells; on half the floors the one-way cells are plain floor, so every edge runs both ways and the
 * searches bound with one landmark table), for an empty or a loaded robot, with its full table.
 */
function goalOnDrawnFloor(size: number) {
  return fc
    .tuple(
      fc.array(fc.constantFrom('.', '.', '.', '.', '.', '#', 'R', '>', '<'), { minLength: size * size, maxLength: size * size }),
      fc.boolean(),
      fc.nat(),
      fc.boolean(),
    )
    .map(([drawn, oneWay, goalPick, loaded]) => {
      const map = floorOf(size, oneWay ? drawn : drawn.map((c) => (c === '>' || c === '<' ? '.' : c)));
      const goal = goalPick % map.nodeCount;
      return { map, goal, loaded, table: new GoalDistances(map).to(goal, loaded) };
    });
}

const SIZE = 12;
const cell = fc.constantFrom('.', '.', '.', '.', '#', 'R');

describe('LazyGoalSearch answers from lower bounds: the same numbers as full tables', () => {
  it('a robot walking to its goal, asking its node and every neighbour each step (as PIBT does), and a few nodes anywhere: every answer the table value, empty and loaded, random floors with walls and pods (fast-check, seed 2500, 150 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: SIZE * SIZE, maxLength: SIZE * SIZE }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (cells, goalPick, startPick, loaded, landmarks, extra) => {
          const map = floorOf(SIZE, cells);
          const rev = reverseEdges(map, landmarks);
          expect(rev.bipartite).toBe(true);
          expect(rev.symmetric).toBe(true);
          const goal = goalPick % map.nodeCount;
          const table = new GoalDistances(map).to(goal, loaded);
          let at = startPick % map.nodeCount;
          const lazy = new LazyGoalSearch(map, rev, goal, loaded, at);
          for (let step = 0; step < 4 * SIZE; step++) {
            expect(lazy.at(at)).toBe(table[at]);
            let next = at;
            for (let e = map.edgeStart[at]!; e < map.edgeStart[at + 1]!; e++) {
              const v = map.edgeTarget[e]!;
              expect(lazy.at(v)).toBe(table[v]);
              if (table[v]! < table[next]!) next = v; // down the table (a query pattern; legality aside)
            }
            if (next === at) break;
            at = next;
          }
          for (const n of extra) expect(lazy.at(n % map.nodeCount)).toBe(table[n % map.nodeCount]);
        },
      ),
      { seed: 2500, numRuns: 150 },
    );
  });

  it('landmark tables hold the breadth-first steps from and to each landmark; one table serves both ways on a floor without one-way lanes, two on one with them', () => {
    const open = floorOf(
      SIZE,
      Array.from({ length: SIZE * SIZE }, (_, i) => (i % 7 === 3 ? '#' : '.')),
    );
    const rev = reverseEdges(open, 3);
    expect(rev.landmarkCount).toBe(3);
    expect(rev.symmetric).toBe(true);
    expect(rev.landmarkTo).toBe(rev.landmarkFrom);
    for (let k = 0; k < 3; k++) {
      const from = stepsFrom(open, rev.landmarkNodes[k]!);
      for (let v = 0; v < open.nodeCount; v++) expect(rev.landmarkFrom[v * 3 + k]).toBe(from[v]);
    }
    // The first landmark is the node farthest from a seed, the next ones farthest from those before: all distinct.
    expect(new Set(rev.landmarkNodes).size).toBe(3);

    const oneWay = compileScenario(makeSpec(['#######', '#>>>>>#', '#S.R.P#', '#<<<<<#', '#######']), robotModels).roadmap;
    const directed = reverseEdges(oneWay, 2);
    expect(directed.symmetric).toBe(false);
    expect(directed.bipartite).toBe(true);
    expect(directed.landmarkTo).not.toBe(directed.landmarkFrom);
    for (let k = 0; k < 2; k++) {
      const from = stepsFrom(oneWay, directed.landmarkNodes[k]!);
      for (let v = 0; v < oneWay.nodeCount; v++) {
        expect(directed.landmarkFrom[v * 2 + k]).toBe(from[v]);
        expect(directed.landmarkTo[v * 2 + k]).toBe(stepsFrom(oneWay, v)[directed.landmarkNodes[k]!]);
      }
    }
  });

  it('answers the neighbours behind and beside a robot on an open floor without searching further (their tentative distance meets the Manhattan bound), so the search holds the same nodes before and after', () => {
    const size = 60;
    const field = floorOf(
      size,
      Array.from({ length: size * size }, () => '.'),
    );
    const goal = field.nodeCount - 1;
    const table = new GoalDistances(field).to(goal, false);
    const robot = field.cellNode[(1 + 30) * (size + 2) + 1 + 20]!;
    const lazy = new LazyGoalSearch(field, reverseEdges(field, 4), goal, false, robot);
    expect(lazy.at(robot)).toBe(table[robot]);
    const held = lazy.searchedNodes;
    let away = 0;
    for (let e = field.edgeStart[robot]!; e < field.edgeStart[robot + 1]!; e++) {
      const v = field.edgeTarget[e]!;
      if (table[v]! < table[robot]!) continue;
      expect(lazy.at(v)).toBe(table[v]);
      away++;
    }
    // The goal is to the south-east: the robot's north and west neighbours lead away from it.
    expect(away).toBe(2);
    expect(lazy.searchedNodes).toBe(held);
  });

  it("GoalDistances keeps a running total of its lazy searches' bytes as they grow: the sum of their sizes, and 0 once trimmed to nothing", () => {
    const size = 60;
    const field = floorOf(
      size,
      Array.from({ length: size * size }, (_, i) => (i % 11 === 5 ? '#' : '.')),
    );
    const distances = new GoalDistances(field, 1);
    const searches = [0, 1, 2].map((k) => distances.field(field.nodeCount - 1 - 7 * k, k === 1, 0, 2) as LazyGoalSearch);
    const table = distances.to(field.nodeCount - 1, false);
    for (let n = 0; n < field.nodeCount; n++) expect(searches[0]!.at(n)).toBe(table[n]);
    for (const s of searches) s.at(field.nodeCount - 2);
    const sum = searches.reduce((total, s) => total + s.bytes, 0);
    // Grown past its first hash (1,024 slots, 8 KB) and open list (256 entries, 3 KB).
    expect(searches[0]!.bytes).toBeGreaterThan(11264);
    distances.trimSearches(Number.MAX_SAFE_INTEGER);
    expect(distances.lazySearchBytes).toBe(sum);
    distances.trimSearches(0);
    expect(distances.lazySearchBytes).toBe(0);
  });

  it('reads grid columns and rows exactly on cells of 1.2 m (node centres at (c + 0.5) × 1.2), so its Manhattan bound never overstates: every answer the table value on a 30 × 30 floor', () => {
    const size = 30;
    const rows = ['#'.repeat(size + 2)];
    for (let r = 0; r < size; r++) rows.push(`#${r === 0 ? 'SR' : r === size - 1 ? '.P' : '..'}${'.'.repeat(size - 2)}#`);
    rows.push('#'.repeat(size + 2));
    const map = compileScenario(makeSpec(rows, { layout: { rows, cellM: 1.2 } }), robotModels).roadmap;
    const rev = reverseEdges(map);
    expect(rev.bipartite).toBe(true);
    for (let v = 0; v < map.nodeCount; v++) {
      const cellIndex = map.nodeCell[v]!;
      expect(rev.colRow[2 * v]).toBe(cellIndex % (size + 2));
      expect(rev.colRow[2 * v + 1]).toBe(Math.floor(cellIndex / (size + 2)));
    }
    const goal = map.nodeCount - 1;
    const table = new GoalDistances(map).to(goal, false);
    const lazy = new LazyGoalSearch(map, rev, goal, false, 0);
    for (let n = 0; n < map.nodeCount; n++) expect(lazy.at(n)).toBe(table[n]);
  });
});

describe('LazyGoalSearch with and without local searches', () => {
  it('far questions and their neighbours on 40 × 40 floors with walls, pods and, on half of them, one-way rows: every answer the table value, empty and loaded, with local searches (some of them giving up) and without (fast-check, seed 5050, 80 runs)', () => {
    const size = 40;
    fc.assert(
      fc.property(
        goalOnDrawnFloor(size),
        fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
        fc.constantFrom(0, 4, DEFAULT_LAZY_TUNING.localExpansions),
        ({ map, goal, loaded, table }, asked, localExpansions) => {
          const lazy = new LazyGoalSearch(map, reverseEdges(map, 3), goal, loaded, asked[0]! % map.nodeCount, undefined, {
            ...DEFAULT_LAZY_TUNING,
            localExpansions,
          });
          for (const pick of asked) {
            // A far question (the open list re-aimed across the map), then its neighbours (a robot's questions).
            const n = pick % map.nodeCount;
            expect(lazy.at(n)).toBe(table[n]);
            for (let e = map.edgeStart[n]!; e < map.edgeStart[n + 1]!; e++) expect(lazy.at(map.edgeTarget[e]!)).toBe(table[map.edgeTarget[e]!]);
          }
        },
      ),
      { seed: 5050, numRuns: 80 },
    );
  });
});

describe('LazyGoalSearch re-aimed a step at a time keeps its keys as lower bounds', () => {
  it('robots sharing one goal search walk towards it, each asking its node and its neighbours in turn, on 40 × 40 floors with walls, pods and (half of them) one-way rows, without local searches so every unproven question re-aims: every answer the table value, over hundreds of re-aims that left the open list unkeyed between re-keys, with re-keys that keep stale and closed entries and ones that drop them (fast-check, seed 7070, 60 runs)', () => {
    const size = 40;
    let aims = 0;
    let rekeys = 0;
    let keptDead = 0;
    let purges = 0;
    fc.assert(
      fc.property(
        goalOnDrawnFloor(size),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1, DEFAULT_LAZY_TUNING.purgeGrowth),
        ({ map, goal, loaded, table }, startPicks, purgeGrowth) => {
          const robots = startPicks.map((p) => p % map.nodeCount);
          const lazy = new LazyGoalSearch(map, reverseEdges(map, 3), goal, loaded, robots[0]!, undefined, { localExpansions: 0, purgeGrowth });
          for (let step = 0; step < 2 * size; step++) {
            for (let r = 0; r < robots.length; r++) {
              const at = robots[r]!;
              expect(lazy.at(at)).toBe(table[at]);
              let next = at;
              for (let e = map.edgeStart[at]!; e < map.edgeStart[at + 1]!; e++) {
                const v = map.edgeTarget[e]!;
                expect(lazy.at(v)).toBe(table[v]);
                if (table[v]! < table[next]!) next = v;
              }
              robots[r] = next;
            }
          }
          aims += lazy.aims;
          rekeys += lazy.rekeys;
          if (purgeGrowth === 0) expect(lazy.purges).toBe(lazy.rekeys);
          else {
            keptDead += lazy.rekeys - lazy.purges;
            purges += lazy.purges;
          }
        },
      ),
      { seed: 7070, numRuns: 60 },
    );
    // Seed 7070: 906 re-aims, 590 of them re-keying (the jumps from one robot to the next); where
    // not every re-key purges, 194 kept the stale and closed entries, 165 dropped them (the open
    // list had grown past its size at the last purge).
    expect(aims).toBeGreaterThan(800);
    expect(aims - rekeys).toBeGreaterThan(300);
    expect(keptDead).toBeGreaterThan(150);
    expect(purges).toBeGreaterThan(120);
  });
});
