import type { Roadmap } from '../../../sim/index.ts';
import { NodeMinHeap } from './node-min-heap.ts';
import { NodeStepsMap } from './node-steps-map.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

/** What a {@link localExactSteps} search reads of the goal search it serves. */
export interface ExactStepsSource {
  /** Exact steps from `u` to the goal where already known, else -1. */
  exactAt(u: number): number;
  /** A consistent lower bound on the steps from `u` to the goal. */
  boundAt(u: number): number;
  /** `u` may be left but never passed through (a loaded robot's storage node other than the goal). */
  isSink(u: number): boolean;
}

/** The answer when the local search gave up within its budget (the caller searches as before). */
export const LOCAL_GAVE_UP = -2;

/** The local searches' open list and reached nodes: one search at a time on the JS thread, reused so a search allocates nothing. */
const open = new NodeMinHeap(256);
/** Steps from the start of every node the current search reached. */
const reached = new NodeStepsMap();

/** Among equal f, the deepest first (largest g): it reaches the known nodes sooner. Packs g below 2^23. */
const G_LIMIT = 2 ** 23;

/**
 * Exact steps from node `n` to the goal, found forwards from `n` over nodes not yet known exactly:
 * A* (consistent bound) whose every path ends at the first node with a known distance `d`, at cost
 * g + d. Every way from `n` to the goal reaches the goal search's known region (the goal is in it),
 * so once the cheapest open entry costs at least the best such total, that total is exact.
 * A node beside a robot's way (PIBT asks about all its neighbours every step) is a step or two
 * from known nodes: a handful of expansions, where resuming the goal search towards it re-aims
 * its open list. Gives up ({@link LOCAL_GAVE_UP}) after `maxExpansions`; returns
 * `UNREACHABLE_STEPS` when every node `n` reaches was searched without finding a known one.
 */
export function localExactSteps(map: Roadmap, source: ExactStepsSource, n: number, maxExpansions: number): number {
  reached.clear();
  open.size = 0;
  let best = UNREACHABLE_STEPS;
  reached.set(n, 0);
  push(source.boundAt(n), 0, n);
  let expansions = 0;
  const { edgeStart, edgeTarget } = map;
  while (open.size > 0) {
    const key = open.topKey;
    const f = Math.floor(key / G_LIMIT);
    if (f >= best) break;
    const u = open.pop();
    const g = G_LIMIT - 1 - (key - f * G_LIMIT);
    if (reached.get(u) < g) continue; // a stale entry
    if (++expansions > maxExpansions) return LOCAL_GAVE_UP;
    for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
      const w = edgeTarget[e]!;
      const gw = g + 1;
      if (source.isSink(w)) continue; // never passed through, and not the goal: no way ends there
      const known = source.exactAt(w);
      if (known >= 0) {
        if (gw + known < best) best = gw + known;
        continue;
      }
      const before = reached.get(w);
      if (before >= 0 && before <= gw) continue;
      reached.set(w, gw);
      push(gw + source.boundAt(w), gw, w);
    }
  }
  return best;
}

function push(f: number, g: number, node: number): void {
  open.push(f * G_LIMIT + (G_LIMIT - 1 - g), node);
}
