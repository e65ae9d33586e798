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
 * Working arrays of one roadmap's searches, reused from call to call: an entry of `g` and `parent`
 * is valid only where `seen` holds the current search's generation, and a node is closed where
 * `closed` does, so a search touches only the nodes it reaches (no per-call allocation or fill).
 */
interface SearchScratch {
  generation: number;
  seen: Uint32Array;
  closed: Uint32Array;
  g: Float64Array;
  parent: Int32Array;
  heap: MinHeap;
  inUse: boolean;
}

const scratches = new WeakMap<Roadmap, SearchScratch>();

function createScratch(n: number): SearchScratch {
  return {
    generation: 0,
    seen: new Uint32Array(n),
    closed: new Uint32Array(n),
    g: new Float64Array(n),
    parent: new Int32Array(n),
    heap: new MinHeap(),
    inUse: false,
  };
}

/** The roadmap's scratch for a new search; a fresh one if a search is already running (a callback searching again). */
function takeScratch(map: Roadmap): SearchScratch {
  let scratch = scratches.get(map);
  if (!scratch) scratches.set(map, (scratch = createScratch(map.nodeCount)));
  if (scratch.inUse) scratch = createScratch(map.nodeCount);
  if (scratch.generation === 0xffffffff) {
    scratch.seen.fill(0);
    scratch.closed.fill(0);
    scratch.generation = 0;
  }
  scratch.generation += 1;
  scratch.heap.clear();
  return scratch;
}

/**
 * A* on the roadmap (Manhattan heuristic, metres). Returns the node sequence from `from` to
 * `to` inclusive, or `null` when the goal cannot be reached. Deterministic tie-breaking.
 */
export function shortestPath(map: Roadmap, from: number, to: number, options: PathOptions = {}): number[] | null {
  if (from === to) return [from];
  const scratch = takeScratch(map);
  scratch.inUse = true;
  try {
    return search(map, from, to, options, scratch);
  } finally {
    scratch.inUse = false;
  }
}

function search(map: Roadmap, from: number, to: number, options: PathOptions, scratch: SearchScratch): number[] | null {
  const { seen, closed, g, parent, heap, generation: gen } = scratch;
  const gx = map.nodeX[to]!;
  const gz = map.nodeZ[to]!;
  const h = (v: number) => Math.abs(map.nodeX[v]! - gx) + Math.abs(map.nodeZ[v]! - gz);
  seen[from] = gen;
  g[from] = 0;
  parent[from] = -1;
  heap.push(from, h(from));
  const { blocked, extraCost } = options;
  while (heap.size > 0) {
    const u = heap.pop();
    if (u === to) break;
    if (closed[u] === gen) continue;
    closed[u] = gen;
    for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      if (closed[v] === gen) continue;
      if (v !== to && blocked?.(v)) continue;
      const cost = g[u]! + map.cellM + (extraCost ? extraCost(v) : 0);
      if (cost < (seen[v] === gen ? g[v]! : Infinity)) {
        seen[v] = gen;
        g[v] = cost;
        parent[v] = u;
        heap.push(v, cost + h(v));
      }
    }
  }
  if (seen[to] !== gen) return null;
  const path: number[] = [];
  for (let v = to; v !== -1; v = parent[v]!) path.push(v);
  return path.reverse();
}
