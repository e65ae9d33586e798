import { CellKind, type Roadmap } from '../../../sim/index.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

/** Reversed roadmap edges: the nodes with an edge into `v` are `revSource[revStart[v] .. revStart[v + 1])`. */
export interface ReversedEdges {
  revStart: Int32Array;
  revSource: Int32Array;
  /** Grid column and row of each node (for the Manhattan heuristic). */
  col: Int32Array;
  row: Int32Array;
  /**
   * Landmark tables (ALT: A*, landmarks, triangle inequality): `fromLandmark[k][v]` steps from
   * landmark k to v, `toLandmark[k][v]` steps from v to it. Their differences are lower bounds as
   * consistent as the Manhattan distance, and much tighter on maps with walls in the way.
   */
  fromLandmark: Int32Array[];
  toLandmark: Int32Array[];
  /** The same, node-major (`[v × 2L + 2k]` from landmark k, `+ 1` to it): one cache line per node read. */
  landmarkSteps: Int32Array;
  landmarkCount: number;
}

/**
 * Builds the reversed edge lists of a roadmap (CSR, like the roadmap's own) and, with
 * `landmarks` > 0, that many landmark tables (each landmark the node farthest from those chosen
 * before: two breadth-first searches over the whole map each, 8 bytes a node).
 */
export function reverseEdges(map: Roadmap, landmarks = 0): ReversedEdges {
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
  const col = new Int32Array(n);
  const row = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    col[u] = Math.round(map.nodeX[u]! / map.cellM);
    row[u] = Math.round(map.nodeZ[u]! / map.cellM);
  }
  const fromLandmark: Int32Array[] = [];
  const toLandmark: Int32Array[] = [];
  if (n > 0 && landmarks > 0) {
    const nearest = new Int32Array(n).fill(UNREACHABLE_STEPS);
    // Seed in the largest part of the map found among a few evenly spread nodes (a map may have walled-off pockets).
    let next = 0;
    let reachedMost = -1;
    for (let k = 1; k <= 8; k++) {
      const seed = Math.floor((k * n) / 9);
      const dist = breadthFirst(map.edgeStart, map.edgeTarget, seed, n);
      let reached = 0;
      for (let v = 0; v < n; v++) if (dist[v] !== UNREACHABLE_STEPS) reached++;
      if (reached > reachedMost) {
        reachedMost = reached;
        next = farthest(dist, seed);
      }
      if (reached * 2 > n) break;
    }
    for (let k = 0; k < landmarks; k++) {
      const from = breadthFirst(map.edgeStart, map.edgeTarget, next, n);
      fromLandmark.push(from);
      toLandmark.push(breadthFirst(revStart, revSource, next, n));
      for (let v = 0; v < n; v++) if (from[v]! < nearest[v]!) nearest[v] = from[v]!;
      next = farthest(nearest, next);
    }
  }
  const landmarkCount = fromLandmark.length;
  const landmarkSteps = new Int32Array(n * 2 * landmarkCount);
  for (let k = 0; k < landmarkCount; k++) {
    const from = fromLandmark[k]!;
    const to = toLandmark[k]!;
    for (let v = 0; v < n; v++) {
      landmarkSteps[v * 2 * landmarkCount + 2 * k] = from[v]!;
      landmarkSteps[v * 2 * landmarkCount + 2 * k + 1] = to[v]!;
    }
  }
  return { revStart, revSource, col, row, fromLandmark, toLandmark, landmarkSteps, landmarkCount };
}

/** Steps from `source` to every node along the CSR edges given (`UNREACHABLE_STEPS` where none). */
function breadthFirst(start: Int32Array, target: Int32Array, source: number, n: number): Int32Array {
  const dist = new Int32Array(n).fill(UNREACHABLE_STEPS);
  const queue = new Int32Array(n);
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

const EMPTY = -1;
/** Largest step count a heap key packs (g below this). */
const G_LIMIT = 2 ** 23;

/**
 * Exact step distances to one goal, found only where asked: a resumable reverse A* (Silver's
 * "reverse resumable A*") from the goal over the reversed edges towards the node asked about,
 * with the Manhattan distance in cells as its heuristic (consistent on a 4-neighbour grid
 * roadmap, so every node it has closed carries its exact distance). Asking about a node not closed
 * yet points the heuristic at it and resumes the search until it is; one whose search ran out is
 * unreachable. Gives the same
 * numbers as a full breadth-first table (`GoalDistances`), loaded shelf-lifter rule included
 * (storage nodes other than the goal are reached but never passed through), while it holds only
 * the nodes it searched: a corridor around the robots' ways to the goal instead of the whole map.
 * Memory: about 16 bytes a searched node (open-addressed hash, two `Int32Array`s) plus the open list.
 */
export class LazyGoalSearch {
  private keys: Int32Array;
  /** Per hash slot: distance × 2, + 1 once closed (exact). */
  private vals: Int32Array;
  private size = 0;
  /** The closed node asked about last (-1 before any). */
  private lastClosed = -1;
  /** 32 − log2(hash slots): Fibonacci hashing takes the product's high bits. */
  private shift = 22;
  private heapKey: Float64Array;
  private heapNode: Int32Array;
  private heapSize = 0;
  private target: number;
  private targetCol: number;
  private targetRow: number;
  /** Per landmark: steps from it to the target, and from the target to it. */
  private readonly targetFrom: Int32Array;
  private readonly targetTo: Int32Array;
  /** Nodes the search holds (hash entries): its memory is about 16 bytes each. */
  get searchedNodes(): number {
    return this.size;
  }

  constructor(
    private readonly map: Roadmap,
    private readonly rev: ReversedEdges,
    private readonly goal: number,
    private readonly loaded: boolean,
    target: number,
  ) {
    this.keys = new Int32Array(1024).fill(EMPTY);
    this.vals = new Int32Array(1024);
    this.heapKey = new Float64Array(256);
    this.heapNode = new Int32Array(256);
    this.target = target;
    this.targetCol = rev.col[target]!;
    this.targetRow = rev.row[target]!;
    this.targetFrom = new Int32Array(rev.fromLandmark.length);
    this.targetTo = new Int32Array(rev.fromLandmark.length);
    this.aimLandmarks(target);
    this.put(goal, 0);
    this.push(goal, 0);
  }

  /** Steps from node `n` to the goal (`UNREACHABLE_STEPS` where there is no way). */
  at(n: number): number {
    let slot = this.slotOf(n);
    if (slot >= 0 && (this.vals[slot]! & 1) === 1) {
      this.lastClosed = n;
      return this.vals[slot]! >> 1;
    }
    // A neighbour of the node asked last (PIBT asks a robot's node, then its neighbours): when its
    // tentative distance is one less, it is exact (it is a real way, and no way can be shorter:
    // the node asked last is one step from it), so no search is needed.
    if (slot >= 0 && this.lastClosed >= 0 && !this.isSink(n)) {
      const g = this.vals[slot]! >> 1;
      const last = this.lastClosed;
      if (g === (this.vals[this.slotOf(last)]! >> 1) - 1) {
        for (let e = this.map.edgeStart[last]!; e < this.map.edgeStart[last + 1]!; e++) if (this.map.edgeTarget[e] === n) return g;
      }
    }
    if (n !== this.target) this.retarget(n);
    while (this.heapSize > 0) {
      const u = this.pop();
      const us = this.slotOf(u);
      const uv = this.vals[us]!;
      if ((uv & 1) === 1) continue; // a stale duplicate
      this.vals[us] = uv | 1;
      const g = uv >> 1;
      if (!this.isSink(u)) this.expand(u, g + 1);
      if (u === n) {
        this.lastClosed = n;
        return g;
      }
    }
    slot = this.slotOf(n);
    return slot >= 0 && (this.vals[slot]! & 1) === 1 ? this.vals[slot]! >> 1 : UNREACHABLE_STEPS;
  }

  /** A storage node other than the goal, for a loaded robot: reached, never passed through. */
  private isSink(u: number): boolean {
    return this.loaded && u !== this.goal && isStorage(this.map.nodeKind[u]!);
  }

  private expand(v: number, next: number): void {
    const { revStart, revSource } = this.rev;
    for (let e = revStart[v]!; e < revStart[v + 1]!; e++) {
      const u = revSource[e]!;
      const s = this.slotOf(u);
      if (s >= 0) {
        const uv = this.vals[s]!;
        if ((uv & 1) === 1 || uv >> 1 <= next) continue;
        this.vals[s] = next * 2;
      } else this.put(u, next);
      this.push(u, next);
    }
  }

  /** A lower bound on the steps from the target to `u` (the search runs from the goal back towards the target). */
  private heuristic(u: number): number {
    const rev = this.rev;
    let h = Math.abs(rev.col[u]! - this.targetCol) + Math.abs(rev.row[u]! - this.targetRow);
    const count = rev.landmarkCount;
    const steps = rev.landmarkSteps;
    const base = u * 2 * count;
    for (let k = 0; k < count; k++) {
      const fu = steps[base + 2 * k]!;
      const ft = this.targetFrom[k]!;
      // d(target, u) >= d(L, u) - d(L, target) and >= d(target, L) - d(u, L).
      if (fu !== UNREACHABLE_STEPS && ft !== UNREACHABLE_STEPS && fu - ft > h) h = fu - ft;
      const tu = steps[base + 2 * k + 1]!;
      const tt = this.targetTo[k]!;
      if (tu !== UNREACHABLE_STEPS && tt !== UNREACHABLE_STEPS && tt - tu > h) h = tt - tu;
    }
    return h;
  }

  private aimLandmarks(target: number): void {
    for (let k = 0; k < this.rev.fromLandmark.length; k++) {
      this.targetFrom[k] = this.rev.fromLandmark[k]![target]!;
      this.targetTo[k] = this.rev.toLandmark[k]![target]!;
    }
  }

  /**
   * Points the heuristic at node `n` and re-keys the open list (stale entries dropped). Valid at
   * any moment: every closed node has been expanded, so each open node's distance is exact once
   * popped under any consistent heuristic. Asking about a neighbour of a closed node then closes
   * it after the few nodes that could still offer a shorter way, instead of every node the old
   * target's heuristic ranks first (on an open floor: the whole rectangle between goal and robot).
   */
  private retarget(n: number): void {
    this.target = n;
    this.targetCol = this.rev.col[n]!;
    this.targetRow = this.rev.row[n]!;
    this.aimLandmarks(n);
    const nodes = this.heapNode.slice(0, this.heapSize);
    const keys = this.heapKey.slice(0, this.heapSize);
    this.heapSize = 0;
    for (let i = 0; i < nodes.length; i++) {
      const u = nodes[i]!;
      const v = this.vals[this.slotOf(u)]!;
      // Closed, or a stale entry (its node was reached again by a shorter way and pushed anew).
      if ((v & 1) === 1 || G_LIMIT - 1 - (keys[i]! % G_LIMIT) !== v >> 1) continue;
      this.push(u, v >> 1);
    }
  }

  /** Lowest f first; among equal f the deepest (largest g), so the search dives towards the target. */
  private push(u: number, g: number): void {
    const key = (g + this.heuristic(u)) * G_LIMIT + (G_LIMIT - 1 - g);
    if (this.heapSize === this.heapKey.length) {
      const k = new Float64Array(this.heapKey.length * 2);
      k.set(this.heapKey);
      this.heapKey = k;
      const nd = new Int32Array(this.heapNode.length * 2);
      nd.set(this.heapNode);
      this.heapNode = nd;
    }
    const hk = this.heapKey;
    const hn = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p]! <= key) break;
      hk[i] = hk[p]!;
      hn[i] = hn[p]!;
      i = p;
    }
    hk[i] = key;
    hn[i] = u;
  }

  private pop(): number {
    const hk = this.heapKey;
    const hn = this.heapNode;
    const top = hn[0]!;
    const last = --this.heapSize;
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

  private slotOf(n: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(n, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[s]!;
      if (k === n) return s;
      if (k === EMPTY) return -1;
      s = (s + 1) & mask;
    }
  }

  private put(n: number, g: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let s = Math.imul(n, 0x9e3779b1) >>> this.shift;
    while (this.keys[s] !== EMPTY) s = (s + 1) & mask;
    this.keys[s] = n;
    this.vals[s] = g * 2;
    this.size++;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    this.shift -= 1;
    this.vals = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === EMPTY) continue;
      let s = Math.imul(k, 0x9e3779b1) >>> this.shift;
      while (this.keys[s] !== EMPTY) s = (s + 1) & mask;
      this.keys[s] = k;
      this.vals[s] = oldVals[i]!;
    }
  }

  /** Bytes the search holds (hash and open list). */
  get bytes(): number {
    return this.keys.byteLength + this.vals.byteLength + this.heapKey.byteLength + this.heapNode.byteLength;
  }
}

function isStorage(kind: number): boolean {
  return kind === CellKind.Rack || kind === CellKind.ToteRack;
}
