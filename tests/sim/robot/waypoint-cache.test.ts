import { describe, expect, it } from 'vitest';
import type { Roadmap } from '../../../sim/index.ts';
import { WaypointCache } from '../../../sim/kinds/robot/waypoint-cache.ts';

/** A roadmap with just the node positions the cache reads (node n at x = n, z = 10 n). */
function positions(nodes: number): Roadmap {
  return { nodeX: Float64Array.from({ length: nodes }, (_, n) => n), nodeZ: Float64Array.from({ length: nodes }, (_, n) => 10 * n) } as unknown as Roadmap;
}

describe('WaypointCache', () => {
  it("gives a robot's waypoints' positions, reading the node tables only for a node it does not hold", () => {
    const map = positions(12);
    const cache = new WaypointCache(2);
    const at = (i: number, node: number) => {
      const e = cache.entry(map, i, node);
      return [cache.x[e], cache.z[e]];
    };
    expect(at(0, 3)).toEqual([3, 30]);
    expect(at(0, 4)).toEqual([4, 40]);
    expect(at(0, 5)).toEqual([5, 50]);
    expect(at(1, 3)).toEqual([3, 30]);
    map.nodeX[4] = 99; // kept entries are not read again: the route moved on a waypoint ...
    expect(at(0, 4)).toEqual([4, 40]);
    expect(at(0, 5)).toEqual([5, 50]);
    expect(at(0, 6)).toEqual([6, 60]);
    expect(at(1, 4)).toEqual([99, 40]); // ... robots keep their own entries
  });

  it('replaces a robot’s entries in turn, so the waypoints it asked about last stay', () => {
    const map = positions(12);
    const cache = new WaypointCache(1);
    for (const node of [1, 2, 3, 4]) cache.entry(map, 0, node);
    map.nodeZ.fill(-1);
    expect(cache.z[cache.entry(map, 0, 5)]).toBe(-1); // a fifth node replaces the oldest entry, node 1's
    for (const node of [2, 3, 4]) expect(cache.z[cache.entry(map, 0, node)]).toBe(10 * node);
    expect(cache.z[cache.entry(map, 0, 1)]).toBe(-1); // read again
  });
});
