import { describe, expect, it } from 'vitest';
import type { Roadmap } from '../../../sim/index.ts';
import { WaypointCache } from '../../../sim/kinds/robot/waypoint-cache.ts';

/** A roadmap with just the node positions the cache reads (node n at x = n, z = 10 n). */
function positions(nodes: number): Roadmap {
  return { nodeX: Float64Array.from({ length: nodes }, (_, n) => n), nodeZ: Float64Array.from({ length: nodes }, (_, n) => 10 * n) } as unknown as Roadmap;
}

describe('WaypointCache', () => {
  it("gives each robot's next two waypoints' positions, reading the node tables only when the waypoint's node changes", () => {
    const map = positions(8);
    const cache = new WaypointCache(2);
    const at = (i: number, k: number, node: number) => {
      const e = cache.entry(map, i, k, node);
      return [cache.x[e], cache.z[e]];
    };
    expect(at(0, 0, 3)).toEqual([3, 30]);
    expect(at(0, 1, 4)).toEqual([4, 40]);
    expect(at(1, 0, 5)).toEqual([5, 50]);
    map.nodeX[3] = 99; // a kept entry is not read again ...
    expect(at(0, 0, 3)).toEqual([3, 30]);
    expect(at(0, 0, 4)).toEqual([4, 40]); // ... until the robot heads for another node
    expect(at(0, 0, 3)).toEqual([99, 30]);
    expect(at(1, 0, 5)).toEqual([5, 50]); // robots keep their own entries
    expect(at(0, 1, 4)).toEqual([4, 40]);
  });

  it('reads waypoints past the second from the node tables every time', () => {
    const map = positions(8);
    const cache = new WaypointCache(1);
    const e = cache.entry(map, 0, 2, 6);
    expect([cache.x[e], cache.z[e]]).toEqual([6, 60]);
    map.nodeZ[6] = -1;
    expect(cache.z[cache.entry(map, 0, 5, 6)]).toBe(-1);
    expect(cache.entry(map, 0, 3, 7)).toBe(e);
    expect(cache.x[e]).toBe(7);
  });
});
