import { MinHeap } from '../util/min-heap.ts';
import type { Roadmap } from './roadmap.ts';

/** Options for {@link shortestPath}. */
export interface PathOptions {
  /** Nodes that may not be entered (the start and goal are always allowed). */
  blocked?: (node: number) => boolean;
  /** Extra cost in metres for entering a node (congestion, turns); must be >= 0. */
  extraCost?: (node: number) => number;
}

/**
 * A* on the roadmap (Manhattan heuristic, metres). Returns the node sequence from `from` to
 * `to` inclusive, or `null` when the goal cannot be reached. Deterministic tie-breaking.
 */
export function shortestPath(map: Roadmap, from: number, to: number, options: PathOptions = {}): number[] | null {
  if (from === to) return [from];
  const n = map.nodeCount;
  const g = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const closed = new Uint8Array(n);
  const heap = new MinHeap();
  const gx = map.nodeX[to]!;
  const gz = map.nodeZ[to]!;
  const h = (v: number) => Math.abs(map.nodeX[v]! - gx) + Math.abs(map.nodeZ[v]! - gz);
  g[from] = 0;
  heap.push(from, h(from));
  const { blocked, extraCost } = options;
  while (heap.size > 0) {
    const u = heap.pop();
    if (u === to) break;
    if (closed[u]) continue;
    closed[u] = 1;
    for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      if (closed[v]) continue;
      if (v !== to && blocked?.(v)) continue;
      const cost = g[u]! + map.cellM + (extraCost ? extraCost(v) : 0);
      if (cost < g[v]!) {
        g[v] = cost;
        parent[v] = u;
        heap.push(v, cost + h(v));
      }
    }
  }
  if (parent[to] === -1) return null;
  const path: number[] = [];
  for (let v = to; v !== -1; v = parent[v]!) path.push(v);
  return path.reverse();
}
