import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeAt, type Roadmap } from '../../../sim/index.ts';
import { RobotNodeCache } from '../../../sim/kinds/robot/robot-node-cache.ts';

/** A 4 × 3 layout of 1 m cells whose cell k holds node k + 10 (node n at x = n, z = 2 n), cell 5 a wall. */
function layout(): Roadmap {
  const cellNode = Int32Array.from({ length: 12 }, (_, k) => (k === 5 ? -1 : k + 10));
  return {
    cellM: 1,
    cellNode,
    nodeX: Float64Array.from({ length: 22 }, (_, n) => n),
    nodeZ: Float64Array.from({ length: 22 }, (_, n) => 2 * n),
  } as unknown as Roadmap;
}

describe('RobotNodeCache', () => {
  it("gives nodeAt's node and that node's position for any point, robot after robot, move after move", () => {
    const map = layout();
    const cache = new RobotNodeCache();
    const coordinate = fc.oneof(fc.double({ min: -2, max: 6, noNaN: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), coordinate, coordinate), { maxLength: 40 }), (moves) => {
        cache.prepare(map, 3);
        for (const [robot, x, z] of moves) {
          const node = cache.nodeOf(map, 4, 3, robot, x, z);
          expect(node).toBe(nodeAt(map, 4, 3, x, z));
          if (node >= 0) expect([cache.nodeX(robot), cache.nodeZ(robot)]).toEqual([node, 2 * node]);
        }
      }),
    );
  });

  it('reads the tables again only when the robot is in another cell, or on another roadmap', () => {
    const map = layout();
    const cache = new RobotNodeCache();
    cache.prepare(map, 2);
    expect(cache.nodeOf(map, 4, 3, 0, 1.5, 0.5)).toBe(11);
    map.cellNode[1] = 20; // a kept entry is not read again ...
    expect(cache.nodeOf(map, 4, 3, 0, 1.9, 0.1)).toBe(11);
    expect(cache.nodeOf(map, 4, 3, 1, 1.5, 0.5)).toBe(20); // ... robots keep their own entries ...
    expect(cache.nodeOf(map, 4, 3, 0, 2.5, 0.5)).toBe(12);
    expect(cache.nodeOf(map, 4, 3, 0, 1.5, 0.5)).toBe(20); // ... and a robot that moved on reads anew
    const other = layout();
    cache.prepare(other, 2);
    expect(cache.nodeOf(other, 4, 3, 1, 1.5, 0.5)).toBe(11); // another roadmap: nothing kept
  });
});
