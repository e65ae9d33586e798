import type { Roadmap } from '../../../sim/index.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

/** Reversed roadmap edges: the nodes with an edge into `v` are `revSource[revStart[v] .. revStart[v + 1])`. */
export interface ReversedEdges {
  revStart: Int32Array;
  revSource: Int32Array;
  /**
   * Grid column and row of each node side by side (`[2v]` its column, `[2v + 1]` its row): the
   * Manhattan distance of a node, which keys every open-list entry of a lazy search, reads one
   * cache line.
   */
  colRow: Int32Array;
  /**
   * Landmark tables (ALT: A*, landmarks, triangle inequality), node-major so that one node's
   * entries share a cache line: `landmarkFrom[v × L + k]` steps from landmark k to v,
   * `landmarkTo[v × L + k]` steps from v to it (the same array on a roadmap without one-way edges).
   * Their differences are lower bounds as consistent as the Manhattan distance, and much tighter
   * on maps with walls in the way.
   */
  landmarkFrom: Int32Array;
  landmarkTo: Int32Array;
  /** Landmarks (L). */
  landmarkCount: number;
  /** The landmarks' nodes, in the order chosen. */
  landmarkNodes: Int32Array;
  /**
   * Every edge joins cells whose column + row differ by an odd number (a grid roadmap's
   * 4-neighbour edges): every way between two nodes then has the parity of their column + row
   * difference, so a lower bound can be rounded up to it.
   */
  bipartite: boolean;
  /** Every edge has its reverse (no one-way lanes): the steps to a landmark equal those from it, and are searched once. */
  symmetric: boolean;
}

/**
 * Builds the reversed edge lists of a roadmap (CSR, like the roadmap's own) and, with
 * `landmarks` > 0, that many landmark tables (each landmark the node farthest from those chosen
 * before: two breadth-first searches over the whole map each, 8 bytes a node; one search and 4
 * bytes a node on a roadmap without one-way edges).
 */
export function reverseEdges(map: Roadmap, landmarks = 0): ReversedEdges {
  const n = map.nodeCount;
  const { revStart, revSource } = reversedCsr(map);
  const colRow = new Int32Array(2 * n);
  gridPositions(map, colRow);
  const bipartite = isBipartite(map, colRow);
  const symmetric = isSymmetric(map, revStart, revSource);
  const count = n > 0 ? Math.max(0, landmarks) : 0;
  const landmarkFrom = new Int32Array(n * count);
  const landmarkTo = symmetric ? landmarkFrom : new Int32Array(n * count);
  const landmarkNodes = new Int32Array(count);
  if (count > 0) {
    const nearest = new Int32Array(n).fill(UNREACHABLE_STEPS);
    const queue = new Int32Array(n);
    // Seed in the largest part of the map found among a few evenly spread nodes (a map may have walled-off pockets).
    let next = 0;
    let reachedMost = -1;
    for (let k = 1; k <= 8; k++) {
      const seed = Math.floor((k * n) / 9);
      const dist = breadthFirst(map.edgeStart, map.edgeTarget, seed, n, queue);
      const reached = countReached(dist);
      if (reached > reachedMost) {
        reachedMost = reached;
        next = farthest(dist, seed);
      }
      if (reached * 2 > n) break;
    }
    for (let k = 0; k < count; k++) {
      landmarkNodes[k] = next;
      const from = breadthFirst(map.edgeStart, map.edgeTarget, next, n, queue);
      interleave(landmarkFrom, from, k, count);
      // Without one-way edges the steps to a landmark are those from it.
      if (!symmetric) interleave(landmarkTo, breadthFirst(revStart, revSource, next, n, queue), k, count);
      keepNearest(nearest, from);
      next = farthest(nearest, next);
    }
  }
  return { revStart, revSource, colRow, landmarkFrom, landmarkTo, landmarkCount: count, landmarkNodes, bipartite, symmetric };
}

// The passes over every node are small functions of their own: each is optimised as a whole
// (one long function called once only ever ran its loops half-optimised: 2 to 5 s on 2.2 million nodes).

function reversedCsr(map: Roadmap): { revStart: Int32Array; revSource: Int32Array } {
  const n = map.nodeCount;
  const count = new Int32Array(n + 1);
  for (let e = 0; e < map.edgeTarget.length; e++) count[map.edgeTarget[e]! + 1]! += 1;
  for (let v = 0; v < n; v++) count[v + 1] = count[v + 1]! + count[v]!;
  const revStart = count.slice();
  const fill = count.slice(0, n);
  const revSource = new Int32Array(map.edgeTarget.length);
  for (let u = 0; u < n; u++) {
    for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      revSource[fill[v]!] = u;
      fill[v] = fill[v]! + 1;
    }
  }
  return { revStart, revSource };
}

/**
 * Each node's grid column and row. A node sits at its cell's centre, (c + 0.5) × cellM, so the
 * quotient is within a few ulps of c + 0.5: flooring it gives c on any cell size, where rounding
 * gave c or c + 1 depending on the ulps (at cellM 1.2, 273 of the first 5,000 columns one off),
 * and a Manhattan distance that could overstate the steps (not a lower bound).
 */
function gridPositions(map: Roadmap, colRow: Int32Array): void {
  for (let u = 0; u < map.nodeCount; u++) {
    colRow[2 * u] = Math.floor(map.nodeX[u]! / map.cellM);
    colRow[2 * u + 1] = Math.floor(map.nodeZ[u]! / map.cellM);
  }
}

function isBipartite(map: Roadmap, colRow: Int32Array): boolean {
  for (let u = 0; u < map.nodeCount; u++) {
    for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      if (((colRow[2 * u]! + colRow[2 * u + 1]! + colRow[2 * v]! + colRow[2 * v + 1]!) & 1) === 0) return false;
    }
  }
  return true;
}

/** Whether every edge u → v has its reverse v → u (each node's out- and in-neighbours are the same set). */
function isSymmetric(map: Roadmap, revStart: Int32Array, revSource: Int32Array): boolean {
  const { edgeStart, edgeTarget } = map;
  for (let v = 0; v < map.nodeCount; v++) {
    if (edgeStart[v + 1]! - edgeStart[v]! !== revStart[v + 1]! - revStart[v]!) return false;
    for (let e = revStart[v]!; e < revStart[v + 1]!; e++) {
      const u = revSource[e]!;
      let found = false;
      for (let f = edgeStart[v]!; f < edgeStart[v + 1]!; f++) if (edgeTarget[f] === u) found = true;
      if (!found) return false;
    }
  }
  return true;
}

function countReached(dist: Int32Array): number {
  let reached = 0;
  for (let v = 0; v < dist.length; v++) if (dist[v] !== UNREACHABLE_STEPS) reached++;
  return reached;
}

function keepNearest(nearest: Int32Array, from: Int32Array): void {
  for (let v = 0; v < nearest.length; v++) if (from[v]! < nearest[v]!) nearest[v] = from[v]!;
}

/** Writes landmark `k`'s table into the node-major `steps` (`[v × L + k]`). */
function interleave(steps: Int32Array, dist: Int32Array, k: number, count: number): void {
  for (let v = 0, i = k; v < dist.length; v++, i += count) steps[i] = dist[v]!;
}

/** Steps from `source` to every node along the CSR edges given (`UNREACHABLE_STEPS` where none). */
function breadthFirst(start: Int32Array, target: Int32Array, source: number, n: number, queue: Int32Array): Int32Array {
  const dist = new Int32Array(n).fill(UNREACHABLE_STEPS);
  dist[source] = 0;
  queue[0] = source;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let e = start[v]!; e < start[v + 1]!; e++) {
      const u = target[e]!;
      if (dist[u] !== UNREACHABLE_STEPS) continue;
      dist[u] = dist[v]! + 1;
      queue[tail++] = u;
    }
  }
  return dist;
}

/** The node with the largest finite value (lowest id on ties; `fallback` when none is finite and above 0). */
function farthest(dist: Int32Array, fallback: number): number {
  let best = fallback;
  let most = 0;
  for (let v = 0; v < dist.length; v++) {
    const d = dist[v]!;
    if (d !== UNREACHABLE_STEPS && d > most) {
      most = d;
      best = v;
    }
  }
  return best;
}
