import { CellKind, type Roadmap } from '../../../sim/index.ts';
import { LOCAL_GAVE_UP, localExactSteps, type ExactStepsSource } from './local-exact-steps.ts';
import { BandedOpenList } from './banded-open-list.ts';
import { PagedNodeValues } from './paged-node-values.ts';
import type { ReversedEdges } from './reversed-edges.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

/** Open-list entries a search starts with and never shrinks below. */
const MIN_HEAP_ENTRIES = 256;
/** Largest step count a heap key packs (g below this). */
const G_LIMIT = 2 ** 23;
/** Value flag: the node was expanded (closed); set with {@link EXACT}. */
const CLOSED = 1;
/** Value flag: the node's distance is exact (closed, or proven by a bound or a local search). */
const EXACT = 2;
/** Largest heuristic drop a retarget takes lazily (keys left as lower bounds); a larger one re-keys the open list. */
const MAX_SHIFT_PER_AIM = 2;
/** Largest total slack keys may carry before the open list is re-keyed. */
const MAX_KEY_SLACK = 16;
/** Value bits below the distance. */
const FLAG_BITS = 2;

/** How a {@link LazyGoalSearch} trades work: the answers never depend on it. */
export interface LazySearchTuning {
  /** Expansions a local search (see {@link localExactSteps}) may take before the goal search is resumed towards the node instead (0: never one). */
  readonly localExpansions: number;
  /**
   * A re-key also drops the open list's stale and closed entries (a look-up of each entry's node)
   * once the list holds more than this many times the entries the last such purge left; 0: every
   * re-key purges.
   */
  readonly purgeGrowth: number;
}

/** The tuning PIBT's searches use. */
export const DEFAULT_LAZY_TUNING: LazySearchTuning = { localExpansions: 48, purgeGrowth: 2 };

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
 * behind a robot's way, which PIBT asks about every step, are answered so. Most of the others
 * are a step or two from known nodes and are proven by a small forward search to them
 * ({@link localExactSteps}) instead of re-aiming the search at them.
 * Memory: about 6 bytes a searched node on a corridor ({@link PagedNodeValues}: 2 bytes a node in pages of
 * consecutive node ids) plus the open list (12 bytes an entry).
 */
export class LazyGoalSearch {
  /** Every node the search holds, its distance × 4 with the flags {@link CLOSED} and {@link EXACT}. */
  private readonly nodes: PagedNodeValues;
  /** The open list, smallest key first: lower bounds on f (see {@link keyOf}), deepest first among equal ones. */
  private readonly open: BandedOpenList;
  /** The node the heuristic is aimed at (see {@link aimAt}). */
  private target = -1;
  /**
   * How far below its node's f (for the current target) a key may be besides its heuristic's own
   * shortfall: the heuristic drops the retargets since the last re-key have allowed. Keys hold a
   * lower bound on f plus the slack at the time they were made.
   */
  private keySlack = 0;
  /** Open-list entries left by the last re-key that dropped stale and closed ones. */
  private sizeAtPurge = 0;
  private targetCol = 0;
  private targetRow = 0;
  /** Per landmark: steps from it to the target, and from the target to it. */
  private readonly targetFrom: Int32Array;
  private readonly targetTo: Int32Array;
  /** Parity of the target's column + row (on a bipartite roadmap every way's length has the parity of its ends' difference). */
  private targetParity = 0;
  /** Per landmark: steps from it to the goal, and from the goal to it. */
  private readonly goalFrom: Int32Array;
  private readonly goalTo: Int32Array;
  private readonly goalParity: number;
  private aimCount = 0;
  private rekeyCount = 0;
  private purgeCount = 0;
  /** Times the search was re-aimed at another node. */
  get aims(): number {
    return this.aimCount;
  }
  /** Of those re-aims, the ones that re-keyed the whole open list (the others left its keys as lower bounds). */
  get rekeys(): number {
    return this.rekeyCount;
  }
  /** Of those re-keys, the ones that dropped stale and closed entries (see {@link LazySearchTuning.purgeGrowth}). */
  get purges(): number {
    return this.purgeCount;
  }
  /** Nodes the search holds (reached or closed). */
  get searchedNodes(): number {
    return this.nodes.size;
  }

  constructor(
    private readonly map: Roadmap,
    private readonly rev: ReversedEdges,
    private readonly goal: number,
    private readonly loaded: boolean,
    target: number,
    /** Told the bytes added each time the search's node values or open list grow (negative when its open list shrinks; its owner keeps a running total). */
    onGrow?: (addedBytes: number) => void,
    private readonly tuning: LazySearchTuning = DEFAULT_LAZY_TUNING,
  ) {
    this.nodes = new PagedNodeValues(onGrow);
    this.open = new BandedOpenList(G_LIMIT, MIN_HEAP_ENTRIES, onGrow);
    this.targetFrom = new Int32Array(rev.landmarkCount);
    this.targetTo = new Int32Array(rev.landmarkCount);
    this.goalFrom = rev.landmarkFrom.slice(goal * rev.landmarkCount, (goal + 1) * rev.landmarkCount);
    this.goalTo = rev.landmarkTo.slice(goal * rev.landmarkCount, (goal + 1) * rev.landmarkCount);
    this.goalParity = (rev.colRow[2 * goal]! + rev.colRow[2 * goal + 1]!) & 1;
    this.aimAt(target);
    this.nodes.add(goal, EXACT); // 0 steps, known before it is expanded
    this.push(goal, 0);
  }

  /** Steps from node `n` to the goal (`UNREACHABLE_STEPS` where there is no way). */
  at(n: number): number {
    let slot = this.nodes.slotOf(n);
    if (slot >= 0) {
      const v = this.nodes.valueAt(slot);
      if ((v & EXACT) !== 0) return v >> FLAG_BITS;
      // Reached: its tentative distance is the length of a real way; no way is shorter than a lower bound.
      if (v >> FLAG_BITS <= this.lowerBound(n)) {
        this.nodes.setValue(slot, v | EXACT);
        return v >> FLAG_BITS;
      }
    }
    // Known nodes nearby: a few forward expansions to them prove the distance, if within budget.
    const budget = this.tuning.localExpansions;
    const local = budget > 0 ? localExactSteps(this.map, this.exactSource, n, budget) : LOCAL_GAVE_UP;
    if (local !== LOCAL_GAVE_UP) {
      if (local !== UNREACHABLE_STEPS) this.keepExact(n, local);
      return local;
    }
    if (n !== this.target) this.retarget(n);
    const open = this.open;
    while (open.size > 0) {
      const u = open.pop();
      const key = open.poppedKey;
      const us = this.nodes.slotOf(u);
      const uv = this.nodes.valueAt(us);
      if ((uv & CLOSED) !== 0) continue; // a stale duplicate
      const g = uv >> FLAG_BITS;
      if (gOfKey(key) !== g) continue; // stale: the node was pushed again with a shorter way
      // The key is only a lower bound on the node's f (plus the slack): pop it in order once its own.
      const rank = g + this.heuristic(u) + this.keySlack;
      if (rank > Math.floor(key * (1 / G_LIMIT))) {
        open.push(rank * G_LIMIT + (G_LIMIT - 1 - g), u);
        continue;
      }
      this.nodes.setValue(us, uv | CLOSED | EXACT);
      if (!this.isSink(u)) this.expand(u, g + 1);
      if (u === n) return g;
    }
    slot = this.nodes.slotOf(n);
    return slot >= 0 && (this.nodes.valueAt(slot) & EXACT) !== 0 ? this.nodes.valueAt(slot) >> FLAG_BITS : UNREACHABLE_STEPS;
  }

  /** What a local search reads of this one (bound once: it is handed out on every local search). */
  private readonly exactSource: ExactStepsSource = {
    exactAt: (u) => {
      const s = this.nodes.slotOf(u);
      if (s < 0) return -1;
      const v = this.nodes.valueAt(s);
      return (v & EXACT) !== 0 ? v >> FLAG_BITS : -1;
    },
    boundAt: (u) => this.goalBound(u),
    isSink: (u) => this.isSink(u),
  };

  /**
   * Records `steps`, proven exact outside the search's own order, as node `n`'s distance. A node
   * whose distance drops is pushed again with it (as {@link expand} does for a shorter way): an
   * open node on some optimal way must stay in the open list with its value, or a later pop
   * could close a node behind it too early.
   */
  private keepExact(n: number, steps: number): void {
    const slot = this.nodes.slotOf(n);
    if (slot < 0) {
      this.nodes.add(n, (steps << FLAG_BITS) | EXACT);
      this.push(n, steps);
      return;
    }
    const v = this.nodes.valueAt(slot);
    this.nodes.setValue(slot, (steps << FLAG_BITS) | (v & CLOSED) | EXACT);
    if (steps < v >> FLAG_BITS) this.push(n, steps);
  }

  /**
   * A lower bound on the steps from `w` to the goal: the Manhattan distance; the landmarks'
   * triangle inequalities (d(w, goal) ≥ d(L, goal) − d(L, w) and ≥ d(w, L) − d(goal, L), over the
   * roadmap without the loaded rule, which only lengthens ways); for a node a robot may pass
   * through, one less than any node known exactly with an edge into it (that node is at most one
   * step more than `w`); all rounded up to the parity every way from `w` to the goal has on a
   * bipartite roadmap.
   */
  private lowerBound(w: number): number {
    const rev = this.rev;
    let h = this.goalBoundRaw(w);
    if (!this.isSink(w)) {
      const { revStart, revSource } = rev;
      for (let e = revStart[w]!; e < revStart[w + 1]!; e++) {
        const s = this.nodes.slotOf(revSource[e]!);
        if (s < 0) continue;
        const v = this.nodes.valueAt(s);
        if ((v & EXACT) !== 0 && (v >> FLAG_BITS) - 1 > h) h = (v >> FLAG_BITS) - 1;
      }
    }
    return this.roundToGoalParity(w, h);
  }

  /** A consistent lower bound on the steps from `w` to the goal: the Manhattan and landmark bounds, rounded up to the parity. */
  private goalBound(w: number): number {
    return this.roundToGoalParity(w, this.goalBoundRaw(w));
  }

  private roundToGoalParity(w: number, h: number): number {
    const rev = this.rev;
    if (rev.bipartite && (h & 1) !== ((rev.colRow[2 * w]! + rev.colRow[2 * w + 1]! + this.goalParity) & 1)) return h + 1;
    return h;
  }

  /** The Manhattan distance and the landmarks' triangle inequalities (see {@link lowerBound}), unrounded. */
  private goalBoundRaw(w: number): number {
    const rev = this.rev;
    const goal = this.goal;
    let h = Math.abs(rev.colRow[2 * w]! - rev.colRow[2 * goal]!) + Math.abs(rev.colRow[2 * w + 1]! - rev.colRow[2 * goal + 1]!);
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
      const s = this.nodes.slotOf(u);
      if (s >= 0) {
        const uv = this.nodes.valueAt(s);
        if ((uv & EXACT) !== 0 || uv >> FLAG_BITS <= next) continue;
        this.nodes.setValue(s, next << FLAG_BITS);
      } else this.nodes.add(u, next << FLAG_BITS);
      this.push(u, next);
    }
  }

  /** A lower bound on the steps from the target to `u` (the search runs from the goal back towards the target). */
  private heuristic(u: number): number {
    const rev = this.rev;
    let h = Math.abs(rev.colRow[2 * u]! - this.targetCol) + Math.abs(rev.colRow[2 * u + 1]! - this.targetRow);
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
    if (rev.bipartite && (h & 1) !== ((rev.colRow[2 * u]! + rev.colRow[2 * u + 1]! + this.targetParity) & 1)) h++;
    return h;
  }

  /**
   * Points the heuristic at node `n`. Valid at any moment: every closed node has been expanded,
   * so each open node's distance is exact once popped with the smallest f under any consistent
   * heuristic. Asking about a neighbour of a closed node then closes it after the few nodes that
   * could still offer a shorter way, instead of every node the old target's heuristic ranks first
   * (on an open floor: the whole rectangle between goal and robot).
   *
   * Most re-aims move the target a step (PIBT asks about a robot's neighbours, then the robot
   * moves), and no node's heuristic can drop by more than the bound {@link heuristicDropBound}
   * gives (1 for a neighbour): the keys are left as they are and the bound is added to
   * {@link keySlack}, so every key stays at most its node's f plus the slack, a lower bound that
   * orders the heap. A popped entry whose f plus slack exceeds its key is pushed back with it; one
   * that meets it has the smallest f and is expanded. Only past {@link MAX_KEY_SLACK} (or a larger
   * jump) is the whole open list re-keyed (see {@link keyOf}) and the slack reset: at 10,000 robots
   * this cut the controller's time a tick from 74 to 41 ms. Stale and closed entries stay until
   * popped unless the list has grown past twice its size at the last re-key that dropped them
   * ({@link LazySearchTuning.purgeGrowth}): the look-up of each entry's node that finds them costs
   * a cache miss or two an entry on a 2.2-million-node map. At 10,000 robots 38 re-keys a control
   * tick went over 166,000 entries, half of them stale or closed; the controller's time a tick went
   * from 43.4 to 37.0 ms (in-thread, side by side, 60 s in) once most re-keys kept them.
   */
  private retarget(n: number): void {
    this.aimCount++;
    const shift = this.heuristicDropBound(n);
    if (shift <= MAX_SHIFT_PER_AIM && this.keySlack + shift <= MAX_KEY_SLACK) {
      this.keySlack += shift;
      this.aimAt(n);
      return;
    }
    this.rekeyCount++;
    this.keySlack = 0;
    this.aimAt(n);
    const growth = this.tuning.purgeGrowth;
    const purge = growth === 0 || this.open.size > growth * this.sizeAtPurge;
    if (purge) this.purgeCount++;
    // Re-key in place (no allocation), then restore the heap order bottom-up (linear time).
    this.open.spillFront();
    const open = this.open.heap;
    const hk = open.keys;
    const hn = open.nodes;
    let size = 0;
    for (let i = 0; i < open.size; i++) {
      const u = hn[i]!;
      const g = gOfKey(hk[i]!);
      if (purge) {
        const v = this.nodes.valueAt(this.nodes.slotOf(u));
        // Closed, or a stale entry (its node was reached again by a shorter way and pushed anew).
        if ((v & CLOSED) !== 0 || g !== v >> FLAG_BITS) continue;
      }
      hk[size] = this.keyOf(u, g);
      hn[size] = u;
      size++;
    }
    open.size = size;
    if (purge) this.sizeAtPurge = size;
    open.heapify();
    // Open lists kept at their peak capacity took a third of the lazy-search budget at 10,000 robots.
    this.open.shrink(MIN_HEAP_ENTRIES);
  }

  /**
   * An open entry's key: g plus the Manhattan distance to the target plus the slack, a lower bound
   * on its f (the full heuristic is at least the Manhattan distance) that reads the node's column
   * and row, side by side in one array, instead of its landmark row (a cache miss on a
   * 2.2-million-node map). With the slack added, a key never exceeds its node's f plus the slack. The full
   * heuristic is taken only for entries that come to the top (see {@link at}), which pushes back
   * those it ranks later: at 10,000 robots 159,000 pushes a control tick against 103,000 pops
   * (22,000 of them pushed back), for the same answers and about the same expansions (79,500
   * against 79,900 with exact keys).
   */
  private keyOf(u: number, g: number): number {
    const rev = this.rev;
    const manhattan = Math.abs(rev.colRow[2 * u]! - this.targetCol) + Math.abs(rev.colRow[2 * u + 1]! - this.targetRow);
    return (g + manhattan + this.keySlack) * G_LIMIT + (G_LIMIT - 1 - g);
  }

  /** Points the heuristic at node `n`: its grid position, parity and landmark distances. */
  private aimAt(n: number): void {
    this.target = n;
    this.targetCol = this.rev.colRow[2 * n]!;
    this.targetRow = this.rev.colRow[2 * n + 1]!;
    this.targetParity = (this.targetCol + this.targetRow) & 1;
    const count = this.rev.landmarkCount;
    for (let k = 0; k < count; k++) {
      this.targetFrom[k] = this.rev.landmarkFrom[n * count + k]!;
      this.targetTo[k] = this.rev.landmarkTo[n * count + k]!;
    }
  }

  /**
   * At most how much any node's heuristic drops when aimed at node `n` instead of the current
   * target: the most any of its terms (Manhattan, each landmark's) can drop; `Infinity` where a
   * landmark term the target has is missing for `n`.
   */
  private heuristicDropBound(n: number): number {
    const rev = this.rev;
    const t = this.target;
    const nCol = rev.colRow[2 * n]!;
    const nRow = rev.colRow[2 * n + 1]!;
    let drop = Math.abs(nCol - this.targetCol) + Math.abs(nRow - this.targetRow);
    const count = rev.landmarkCount;
    const from = rev.landmarkFrom;
    const to = rev.landmarkTo;
    for (let k = 0; k < count; k++) {
      const ft = from[t * count + k]!;
      const fn = from[n * count + k]!;
      if (ft !== UNREACHABLE_STEPS) {
        if (fn === UNREACHABLE_STEPS) return Number.POSITIVE_INFINITY;
        // d(L, u) − d(L, t) becomes d(L, u) − d(L, n); symmetric: |·| of it.
        const d = rev.symmetric ? Math.abs(fn - ft) : fn - ft;
        if (d > drop) drop = d;
      }
      if (rev.symmetric) continue;
      const tt = to[t * count + k]!;
      const tn = to[n * count + k]!;
      if (tt !== UNREACHABLE_STEPS) {
        if (tn === UNREACHABLE_STEPS) return Number.POSITIVE_INFINITY;
        // d(t, L) − d(u, L) becomes d(n, L) − d(u, L).
        if (tt - tn > drop) drop = tt - tn;
      }
    }
    // The parity rounding adds nothing: on a bipartite roadmap every term above has the parity of
    // t − n, and so has the difference of the two rounded heuristics, which is at most drop + 1.
    return drop;
  }

  /** Lowest f first; among equal f the deepest (largest g), so the search dives towards the target. */
  private push(u: number, g: number): void {
    this.open.push(this.keyOf(u, g), u);
  }

  /** Bytes the search holds (its nodes' values and open list). */
  get bytes(): number {
    return this.nodes.bytes + this.open.bytes;
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
