import type { FleetObservation } from '../../sim/index.ts';

/**
 * Memo of hinted first moves for one episode's floor: key (from, goal, loaded). Paths of empty
 * robots depend only on the roadmap; those of loaded robots also on where loads rest, so those
 * entries are dropped whenever a load's node changes. Exact (no stale entries), so views with and
 * without the memo are identical.
 */
export interface HintCache {
  nodeCount: number;
  loadNodes: Int32Array;
  empty: Map<number, number>;
  loaded: Map<number, number>;
}

/** An empty memo. */
export function createHintCache(): HintCache {
  return { nodeCount: -1, loadNodes: new Int32Array(0), empty: new Map(), loaded: new Map() };
}

/** Brings the memo up to date with this observation's floor and loads. */
export function syncHintCache(cache: HintCache, observation: FleetObservation): void {
  const n = observation.roadmap.nodeCount;
  const loads = observation.loads;
  if (cache.nodeCount !== n || cache.loadNodes.length !== loads.length) {
    cache.nodeCount = n;
    cache.loadNodes = Int32Array.from(loads, (l) => l.node ?? -1);
    cache.empty.clear();
    cache.loaded.clear();
    return;
  }
  let changed = false;
  for (let l = 0; l < loads.length; l++) {
    const node = loads[l]!.node ?? -1;
    if (cache.loadNodes[l] !== node) {
      cache.loadNodes[l] = node;
      changed = true;
    }
  }
  if (changed) cache.loaded.clear();
}

/** The memoised hint, or undefined. */
export function cachedHint(cache: HintCache, from: number, goal: number, loaded: boolean): number | undefined {
  return (loaded ? cache.loaded : cache.empty).get(from * cache.nodeCount + goal);
}

export function storeHint(cache: HintCache, from: number, goal: number, loaded: boolean, dir: number): void {
  (loaded ? cache.loaded : cache.empty).set(from * cache.nodeCount + goal, dir);
}
