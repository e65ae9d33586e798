import type { Roadmap } from '../../../sim/index.ts';
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

/**
 * Scratch of the local searches: one at a time on the JS thread, reused so a search allocates
 * nothing. Grown on need (a search holds at most a few hundred entries).
 */
const scratch = {
  heapKey: new Float64Array(256),
  heapNode: new Int32Array(256),
  heapSize: 0,
  /** Steps from the start of every node the current search reached. */
  reached: new Map<number, number>(),
};

/** Among equal f, the deepest first (largest g): it reaches the known nodes sooner. Packs g below 2^23. */
const G_LIMIT = 2 ** 23;

/**
 * Exact steps from node `n` to the goal, found forwards from `n` over nodes not yet known exactly:
 * A* (consistent bound) whose every path ends at the first node with a known distance `d`, at cost
 * g + d. Every way from `n` to the goal reaches the goal search's known region (the goal is in it),
 * so once the cheapest open entry costs at least the best such total, that total is exact.
 * A node beside a robot's way (PIBT asks about all its neighbours every step) is a step or two
 * from known nodes: a handful of expansions, where resuming the goal search towards it re-keys
 * its whole open list. Gives up ({@link LOCAL_GAVE_UP}) after `maxExpansions`; returns
 * `UNREACHABLE_STEPS` when every node `n` reaches was searched without finding a known one.
 */
export function localExactSteps(map: Roadmap, source: ExactStepsSource, n: number, maxExpansions: number): number {
  const reached = scratch.reached;
  reached.clear();
  scratch.heapSize = 0;
  let best = UNREACHABLE_STEPS;
  reached.set(n, 0);
  push(source.boundAt(n), 0, n);
  let expansions = 0;
  const { edgeStart, edgeTarget } = map;
  while (scratch.heapSize > 0) {
    const key = scratch.heapKey[0]!;
    const f = Math.floor(key / G_LIMIT);
    if (f >= best) break;
    const u = pop();
    const g = G_LIMIT - 1 - (key - f * G_LIMIT);
    if (reached.get(u)! < g) continue; // a stale entry
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
      if (before !== undefined && before <= gw) continue;
      reached.set(w, gw);
      push(gw + source.boundAt(w), gw, w);
    }
  }
  return best;
}

function push(f: number, g: number, node: number): void {
  if (scratch.heapSize === scratch.heapKey.length) {
    const k = new Float64Array(scratch.heapKey.length * 2);
    k.set(scratch.heapKey);
    scratch.heapKey = k;
    const nd = new Int32Array(scratch.heapNode.length * 2);
    nd.set(scratch.heapNode);
    scratch.heapNode = nd;
  }
  const key = f * G_LIMIT + (G_LIMIT - 1 - g);
  const hk = scratch.heapKey;
  const hn = scratch.heapNode;
  let i = scratch.heapSize++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (hk[p]! <= key) break;
    hk[i] = hk[p]!;
    hn[i] = hn[p]!;
    i = p;
  }
  hk[i] = key;
  hn[i] = node;
}

function pop(): number {
  const hk = scratch.heapKey;
  const hn = scratch.heapNode;
  const top = hn[0]!;
  const last = --scratch.heapSize;
  const key = hk[last]!;
  const node = hn[last]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= last) break;
    if (c + 1 < last && hk[c + 1]! < hk[c]!) c++;
    if (hk[c]! >= key) break;
    hk[i] = hk[c]!;
    hn[i] = hn[c]!;
    i = c;
  }
  hk[i] = key;
  hn[i] = node;
  return top;
}
