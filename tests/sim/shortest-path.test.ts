import { describe, expect, it } from 'vitest';
import { robotModels } from '../../robots/index.ts';
import { compileScenario, nodeAt, shortestPath, type Roadmap } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

// A 9 x 5 floor (cellM 1): a wall in column 4 leaves one way through, at (4, 2).
const ROWS = ['#########', '#S..#...#', '#.R.....#', '#...#..P#', '#########'];

function mapOf(): Roadmap {
  return compileScenario(makeSpec(ROWS), robotModels).roadmap;
}

const at = (map: Roadmap, col: number, row: number) => nodeAt(map, ROWS[0]!.length, ROWS.length, col + 0.5, row + 0.5);

describe('shortestPath (A* on the roadmap)', () => {
  it('finds a shortest route, goes round blocked nodes and reports an unreachable goal as null', () => {
    const map = mapOf();
    const from = at(map, 1, 1);
    const to = at(map, 7, 3);
    const path = shortestPath(map, from, to)!;
    expect(path[0]).toBe(from);
    expect(path.at(-1)).toBe(to);
    // Manhattan distance 8 cells: 9 nodes, and the wall forces the way through (4, 2).
    expect(path).toHaveLength(9);
    expect(path).toContain(at(map, 4, 2));
    expect(shortestPath(map, from, to, { blocked: (n) => n === at(map, 4, 2) })).toBeNull();
    // With (6, 2) and (5, 3) closed the only way left runs along the top row: two cells longer.
    const closed = new Set([at(map, 6, 2), at(map, 5, 3)]);
    const detour = shortestPath(map, from, to, { blocked: (n) => closed.has(n) })!;
    expect(detour.filter((n) => closed.has(n))).toEqual([]);
    expect(detour).toHaveLength(11);
    expect(detour).toContain(at(map, 6, 1));
  });

  it('gives the same route on every call, and a search started from a callback does not disturb the running one', () => {
    const map = mapOf();
    const from = at(map, 1, 1);
    const to = at(map, 7, 3);
    const plain = shortestPath(map, from, to);
    for (let k = 0; k < 5; k++) expect(shortestPath(map, from, to)).toEqual(plain);
    const nested: Array<number[] | null> = [];
    const outer = shortestPath(map, from, to, {
      extraCost: (n) => {
        if (nested.length < 3) nested.push(shortestPath(map, n, at(map, 1, 3)));
        return 0;
      },
    });
    expect(outer).toEqual(plain);
    expect(nested).toHaveLength(3);
    for (const p of nested) expect(p!.at(-1)).toBe(at(map, 1, 3));
    expect(shortestPath(map, from, to)).toEqual(plain);
  });
});

describe('nodeAt', () => {
  it('gives the node of the cell a point lies in, and -1 on a wall, outside the layout or at a NaN coordinate', () => {
    const map = mapOf();
    const cols = ROWS[0]!.length;
    expect(nodeAt(map, cols, ROWS.length, 2.5, 2.5)).toBe(map.cellNode[2 * cols + 2]);
    expect(nodeAt(map, cols, ROWS.length, 2.5, 2.5)).toBeGreaterThanOrEqual(0);
    expect(nodeAt(map, cols, ROWS.length, 4.5, 1.5)).toBe(-1);
    for (const [x, z] of [
      [-0.1, 2.5],
      [2.5, -0.1],
      [9.0, 2.5],
      [2.5, 5.0],
      [Number.NaN, 2.5],
      [2.5, Number.NaN],
    ] as const)
      expect(nodeAt(map, cols, ROWS.length, x, z)).toBe(-1);
  });
});
