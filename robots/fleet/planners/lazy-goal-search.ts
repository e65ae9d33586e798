import { CellKind, type Roadmap } from '../../../sim/index.ts';
import type { ReversedEdges } from './reversed-edges.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

const EMPTY = -1;
/** Open-list entries a search starts with and never shrinks below. */
const MIN_HEAP_ENTRIES = 256;
/**
 * The hash grows (doubles) past this share of its slots in use: linear probing stays short at
 * 0.7, and the table holds a node in about 15 bytes on average instead of 21 at 0.5.
 */
const MAX_LOAD_TENTHS = 7;
/** Largest step count a heap key packs (g below this). */
const G_LIMIT = 2 ** 23;

/**
 * The step count a heap key was made with (see `keyOf`). Floor of a product by a power of two,
 * both exact in doubles, instead of `%` on a double (a call into the runtime's fmod per entry).
 */
function gOfKey(key: number): number {
  return G_LIMIT - 1 - (key - Math.floor(key * (1 / G_LIMIT)) * G_LIMIT);
}

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
 * A node reached but not closed whose tentative distance (the length of a real way) equals a lower
 * bound on its distance is exact without any search (see `lowerBound`): most nodes beside and
 * behind a robot's way, which PIBT asks about every step, are answered so.
 * Memory: about 15 bytes a searched node (open-addressed hash, one `Int32Array` of key/value pairs) plus the open list.
 */
export class LazyGoalSearch {
  /**
   * The hash, a pair per slot: `[2s]` the node (EMPTY when free), `[2s + 1]` its distance × 2, + 1
   * once closed (exact). Key and value share a cache line: one miss a lookup, not two. `slotOf`
   * gives the value's index.
   */
  private table: Int32Array;
  private size = 0;
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
  /** Parity of the target's column + row (on a bipartite roadmap every way's length has the parity of its ends' difference). */
  private targetParity: number;
  /** Per landmark: steps from it to the goal, and from the goal to it. */
  private readonly goalFrom: Int32Array;
  private readonly goalTo: Int32Array;
  private readonly goalParity: number;
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
    /** Told the bytes added each time the search's hash or open list grows (negative when its open list shrinks; its owner keeps a running total). */
    private readonly onGrow?: (addedBytes: number) => void,
  ) {
    this.table = new Int32Array(2 * 1024).fill(EMPTY);
    this.heapKey = new Float64Array(MIN_HEAP_ENTRIES);
    this.heapNode = new Int32Array(MIN_HEAP_ENTRIES);
    this.target = target;
    this.targetCol = rev.col[target]!;
    this.targetRow = rev.row[target]!;
    this.targetFrom = new Int32Array(rev.landmarkCount);
    this.targetTo = new Int32Array(rev.landmarkCount);
    this.targetParity = (this.targetCol + this.targetRow) & 1;
    this.goalFrom = rev.landmarkFrom.slice(goal * rev.landmarkCount, (goal + 1) * rev.landmarkCount);
    this.goalTo = rev.landmarkTo.slice(goal * rev.landmarkCount, (goal + 1) * rev.landmarkCount);
    this.goalParity = (rev.col[goal]! + rev.row[goal]!) & 1;
    this.aimLandmarks(target);
    this.put(goal, 0);
    this.push(goal, 0);
  }

  /** Steps from node `n` to the goal (`UNREACHABLE_STEPS` where there is no way). */
  at(n: number): number {
    let slot = this.slotOf(n);
    if (slot >= 0) {
      const v = this.table[slot]!;
      if ((v & 1) === 1) return v >> 1;
      // Reached: its tentative distance is the length of a real way; no way is shorter than a lower bound.
      if (v >> 1 <= this.lowerBound(n)) return v >> 1;
    }
    if (n !== this.target) this.retarget(n);
    while (this.heapSize > 0) {
      const u = this.pop();
      const us = this.slotOf(u);
      const uv = this.table[us]!;
      if ((uv & 1) === 1) continue; // a stale duplicate
      this.table[us] = uv | 1;
      const g = uv >> 1;
      if (!this.isSink(u)) this.expand(u, g + 1);
      if (u === n) return g;
    }
    slot = this.slotOf(n);
    return slot >= 0 && (this.table[slot]! & 1) === 1 ? this.table[slot]! >> 1 : UNREACHABLE_STEPS;
  }

  /**
   * A lower bound on the steps from `w` to the goal: the Manhattan distance; the landmarks'
   * triangle inequalities (d(w, goal) ≥ d(L, goal) − d(L, w) and ≥ d(w, L) − d(goal, L), over the
   * roadmap without the loaded rule, which only lengthens ways); for a node a robot may pass
   * through, one less than any closed node with an edge into it (that node is at most one step
   * more than `w`); all rounded up to the parity every way from `w` to the goal has on a
   * bipartite roadmap.
   */
  private lowerBound(w: number): number {
    const rev = this.rev;
    const goal = this.goal;
    let h = Math.abs(rev.col[w]! - rev.col[goal]!) + Math.abs(rev.row[w]! - rev.row[goal]!);
    const count = rev.landmarkCount;
    const from = rev.landmarkFrom;
    const to = rev.landmarkTo;
    const base = w * count;
    if (rev.symmetric) h = symmetricBound(from, base, this.goalFrom, count, h);
    else {
      for (let k = 0; k < count; k++) {
        const fw = from[base + k]!;
        const fg = this.goalFrom[k]!;
        if (fw !== UNREACHABLE_STEPS && fg !== UNREACHABLE_STEPS && fg - fw > h) h = fg - fw;
        const tw = to[base + k]!;
        const tg = this.goalTo[k]!;
        if (tw !== UNREACHABLE_STEPS && tg !== UNREACHABLE_STEPS && tw - tg > h) h = tw - tg;
      }
    }
    if (!this.isSink(w)) {
      const { revStart, revSource } = rev;
      for (let e = revStart[w]!; e < revStart[w + 1]!; e++) {
        const s = this.slotOf(revSource[e]!);
        if (s < 0) continue;
        const v = this.table[s]!;
        if ((v & 1) === 1 && (v >> 1) - 1 > h) h = (v >> 1) - 1;
      }
    }
    if (rev.bipartite && (h & 1) !== ((rev.col[w]! + rev.row[w]! + this.goalParity) & 1)) h++;
    return h;
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
        const uv = this.table[s]!;
        if ((uv & 1) === 1 || uv >> 1 <= next) continue;
        this.table[s] = next * 2;
      } else this.put(u, next);
      this.push(u, next);
    }
  }

  /** A lower bound on the steps from the target to `u` (the search runs from the goal back towards the target). */
  private heuristic(u: number): number {
    const rev = this.rev;
    let h = Math.abs(rev.col[u]! - this.targetCol) + Math.abs(rev.row[u]! - this.targetRow);
    const from = rev.landmarkFrom;
    const to = rev.landmarkTo;
    const base = u * rev.landmarkCount;
    if (rev.symmetric) h = symmetricBound(from, base, this.targetFrom, rev.landmarkCount, h);
    else {
      for (let k = 0; k < rev.landmarkCount; k++) {
        const fu = from[base + k]!;
        const ft = this.targetFrom[k]!;
        // d(target, u) >= d(L, u) - d(L, target) and >= d(target, L) - d(u, L).
        if (fu !== UNREACHABLE_STEPS && ft !== UNREACHABLE_STEPS && fu - ft > h) h = fu - ft;
        const tu = to[base + k]!;
        const tt = this.targetTo[k]!;
        if (tu !== UNREACHABLE_STEPS && tt !== UNREACHABLE_STEPS && tt - tu > h) h = tt - tu;
      }
    }
    // Every way between them has the parity of their column + row difference: round up to it (still consistent).
    if (rev.bipartite && (h & 1) !== ((rev.col[u]! + rev.row[u]! + this.targetParity) & 1)) h++;
    return h;
  }

  private aimLandmarks(target: number): void {
    const count = this.rev.landmarkCount;
    for (let k = 0; k < count; k++) {
      this.targetFrom[k] = this.rev.landmarkFrom[target * count + k]!;
      this.targetTo[k] = this.rev.landmarkTo[target * count + k]!;
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
    this.targetParity = (this.targetCol + this.targetRow) & 1;
    this.aimLandmarks(n);
    // Re-key in place (no allocation), then restore the heap order bottom-up (linear time).
    const hk = this.heapKey;
    const hn = this.heapNode;
    let size = 0;
    for (let i = 0; i < this.heapSize; i++) {
      const u = hn[i]!;
      const v = this.table[this.slotOf(u)]!;
      // Closed, or a stale entry (its node was reached again by a shorter way and pushed anew).
      if ((v & 1) === 1 || gOfKey(hk[i]!) !== v >> 1) continue;
      hk[size] = this.keyOf(u, v >> 1);
      hn[size] = u;
      size++;
    }
    this.heapSize = size;
    for (let i = (size >> 1) - 1; i >= 0; i--) this.siftDown(i, hk[i]!, hn[i]!);
    this.shrinkHeap();
  }

  /**
   * Gives back open-list memory once the live entries fill less than an eighth of it (a search's
   * open list shrinks as retargets drop closed and stale entries; kept at its peak capacity, the
   * open lists of 10,000 searches took a third of the lazy-search budget and made it evict
   * searches still in use). Halving twice keeps it at least twice the entries.
   */
  private shrinkHeap(): void {
    const capacity = this.heapKey.length;
    if (capacity <= MIN_HEAP_ENTRIES || this.heapSize * 8 > capacity) return;
    const smaller = Math.max(MIN_HEAP_ENTRIES, capacity >> 2);
    const before = this.heapKey.byteLength + this.heapNode.byteLength;
    this.heapKey = this.heapKey.slice(0, smaller);
    this.heapNode = this.heapNode.slice(0, smaller);
    this.onGrow?.(this.heapKey.byteLength + this.heapNode.byteLength - before);
  }

  private keyOf(u: number, g: number): number {
    return (g + this.heuristic(u)) * G_LIMIT + (G_LIMIT - 1 - g);
  }

  /** Lowest f first; among equal f the deepest (largest g), so the search dives towards the target. */
  private push(u: number, g: number): void {
    const key = this.keyOf(u, g);
    if (this.heapSize === this.heapKey.length) {
      this.onGrow?.(this.heapKey.byteLength + this.heapNode.byteLength);
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
    const top = this.heapNode[0]!;
    const last = --this.heapSize;
    this.siftDown(0, this.heapKey[last]!, this.heapNode[last]!);
    return top;
  }

  /** Places `key`/`node` at heap slot `i` or below (the heap holds `heapSize` entries). */
  private siftDown(start: number, key: number, node: number): void {
    const hk = this.heapKey;
    const hn = this.heapNode;
    const last = this.heapSize;
    let i = start;
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
  }

  /** Index of node `n`'s value in {@link table}, or -1 when the search does not hold it. */
  private slotOf(n: number): number {
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let s = Math.imul(n, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = t[2 * s]!;
      if (k === n) return 2 * s + 1;
      if (k === EMPTY) return -1;
      s = (s + 1) & mask;
    }
  }

  private put(n: number, g: number): void {
    if ((this.size + 1) * 10 > (this.table.length >> 1) * MAX_LOAD_TENTHS) this.grow();
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let s = Math.imul(n, 0x9e3779b1) >>> this.shift;
    while (t[2 * s] !== EMPTY) s = (s + 1) & mask;
    t[2 * s] = n;
    t[2 * s + 1] = g * 2;
    this.size++;
  }

  private grow(): void {
    this.onGrow?.(this.table.byteLength);
    const old = this.table;
    const t = new Int32Array(old.length * 2).fill(EMPTY);
    this.table = t;
    this.shift -= 1;
    const mask = (t.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i]!;
      if (k === EMPTY) continue;
      let s = Math.imul(k, 0x9e3779b1) >>> this.shift;
      while (t[2 * s] !== EMPTY) s = (s + 1) & mask;
      t[2 * s] = k;
      t[2 * s + 1] = old[i + 1]!;
    }
  }

  /** Bytes the search holds (hash and open list). */
  get bytes(): number {
    return this.table.byteLength + this.heapKey.byteLength + this.heapNode.byteLength;
  }
}

/**
 * The landmark bound between a node and a target on a roadmap without one-way edges (steps to and
 * from a landmark are equal): max(`h`, |d(L, node) − d(L, target)|) over the landmarks, the same
 * value the two one-way bounds give, from one table. `steps[base + k]`: the node's entry for landmark k.
 */
function symmetricBound(steps: Int32Array, base: number, target: Int32Array, count: number, h: number): number {
  for (let k = 0; k < count; k++) {
    const a = steps[base + k]!;
    const b = target[k]!;
    if (a === UNREACHABLE_STEPS || b === UNREACHABLE_STEPS) continue;
    const d = a > b ? a - b : b - a;
    if (d > h) h = d;
  }
  return h;
}

function isStorage(kind: number): boolean {
  return kind === CellKind.Rack || kind === CellKind.ToteRack;
}
