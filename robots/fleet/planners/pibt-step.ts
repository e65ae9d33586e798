import type { Roadmap } from '../../../sim/index.ts';
import { UNREACHABLE_STEPS, type StepDistances } from './pibt-distances.ts';

/** One agent of a PIBT step, given in priority order (highest first). */
export interface PibtAgent {
  /** Robot id. */
  id: number;
  /** Node the agent plans from: the last node it holds on its way (where it stands when still). */
  from: number;
  /**
   * Steps from each node to its goal (a full table, or a lazy search: only `from` and its
   * neighbours are asked); null for an agent without a goal (it keeps still unless pushed).
   */
  dist: StepDistances | null;
  /** Whether the agent may step onto node `n` at all (its own load constraints). */
  mayEnter: (n: number) => boolean;
  /** Direction (0 N, 1 E, 2 S, 3 W) the agent travels in, or -1: among equally near moves, going straight wins (turning costs a stop). */
  heading?: number;
  /**
   * Whether staying put is its last resort this step (a member of a wait cycle: it steps aside so
   * the cycle can move, e.g. an empty robot blocking the only way out of a loaded one's pod bay).
   */
  restless?: boolean;
  /** Tie-break among equally good idle moves: lower is better (e.g. prefer parking under pods). */
  idleCost?: (n: number) => number;
}

/** What one PIBT step decided. */
export interface PibtStepResult {
  /** Per agent (same order as given): the node it should move on to, or its `from` to stay. */
  next: Int32Array;
  /** Per agent: the robot id holding the node it would most like to enter while it stays, or -1. */
  waitsOn: Int32Array;
}

/**
 * One step of Priority Inheritance with Backtracking (Okumura, Machida, Défago, Tamura, "Priority
 * Inheritance with Backtracking for Iterative Multi-agent Path Finding", IJCAI 2019 / AIJ 2022).
 * Agents in priority order pick the free neighbour (or stay) nearest to their goal; an agent whose
 * wanted node is where a lower agent is lets that agent inherit its priority and move first, and
 * backtracks to its next candidate if the lower one cannot move. Vertex conflicts (two agents on a
 * node) and swaps are impossible by construction.
 *
 * `holder[n]` is the robot holding node `n` (-1 when free); a node held by a robot that is not an
 * agent of this step, or held by an agent but not as its `from`, is an obstacle. A planned move into
 * a node that is still held (its agent was pushed and has not left yet) is kept as the agent's
 * intention but executed by the caller only once the node is free: robots never follow into a
 * node in the same instant, so a chain of pushes ends at a node that is free now, and cycles of
 * agents rotating in place (which PIBT allows) are excluded. Ties are broken by going straight on, then fewer robots there, then node id: deterministic.
 * O(agents × degree) plus the backtracking, which PIBT bounds by the agents it visits.
 * `robotCount` (every robot id, in `holder` too, is below it) spares a scan of `holder`, which
 * grows with the map's area.
 */
export function pibtStep(map: Roadmap, agents: readonly PibtAgent[], holder: Int32Array, robotCount?: number): PibtStepResult {
  const n = agents.length;
  const ctx: StepContext = {
    map,
    agents,
    holder,
    next: new Int32Array(n).fill(-1),
    agentAt: scratch(map.nodeCount),
    agentOfRobot: new Int32Array(robotCount ?? maxRobotId(agents, holder) + 1).fill(-1),
    reserved: scratch(map.nodeCount),
    top: 0,
  };
  for (let i = 0; i < n; i++) {
    ctx.agentAt[agents[i]!.from] = i;
    ctx.agentOfRobot[agents[i]!.id] = i;
  }
  for (let i = 0; i < n; i++) if (ctx.next[i] === -1) plan(ctx, i, -1);

  // Who each agent that stays (or cannot enter yet) waits for: the holder of its best move.
  const waitsOn = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = agents[i]!;
    if (!a.dist) continue;
    const here = stepsAt(a.dist, a.from);
    if (here === 0) continue;
    const target = ctx.next[i] !== a.from ? ctx.next[i]! : bestNeighbour(map, a, here);
    if (target < 0) continue;
    const h = holder[target]!;
    if (h !== -1 && h !== a.id) waitsOn[i] = h;
  }
  // Leave the node-indexed scratch arrays all -1 for the next call.
  for (let i = 0; i < n; i++) {
    ctx.agentAt[agents[i]!.from] = -1;
    ctx.reserved[agents[i]!.from] = -1;
    ctx.reserved[ctx.next[i]!] = -1;
  }
  return { next: ctx.next, waitsOn };
}

/**
 * Steps from `node` to the agent's goal: a full table is indexed directly (`Int32Array.prototype.at`
 * also handles negative indices and shares its call site with the lazy search's `at`), a lazy search asked.
 */
function stepsAt(dist: StepDistances, node: number): number {
  return dist instanceof Int32Array ? dist[node]! : dist.at(node)!;
}

interface StepContext {
  map: Roadmap;
  agents: readonly PibtAgent[];
  holder: Int32Array;
  /** Per agent: the node chosen, -1 while undecided. */
  next: Int32Array;
  /** Agent index planning from each node, -1 for none. */
  agentAt: Int32Array;
  agentOfRobot: Int32Array;
  /** Agent index that reserved each node for the next step, -1 for none. */
  reserved: Int32Array;
  /** Top of the candidate stack (see `candidates`). */
  top: number;
}

let scratchBuffers: Int32Array[] = [];
let scratchUse = 0;

/** A node-indexed array of -1 (two per call, reused: every entry set is put back to -1). */
function scratch(size: number): Int32Array {
  if (scratchBuffers.length === 0 || scratchBuffers[0]!.length !== size) scratchBuffers = [new Int32Array(size).fill(-1), new Int32Array(size).fill(-1)];
  return scratchBuffers[scratchUse++ % 2]!;
}

function maxRobotId(agents: readonly PibtAgent[], holder: Int32Array): number {
  let most = 0;
  for (const a of agents) if (a.id > most) most = a.id;
  for (let v = 0; v < holder.length; v++) if (holder[v]! > most) most = holder[v]!;
  return most;
}

/** Whether node `v` is an obstacle for agent `i`: held by a robot that is not planning from it. */
function blocked(ctx: StepContext, i: number, v: number): boolean {
  const h = ctx.holder[v]!;
  if (h === -1 || h === ctx.agents[i]!.id) return false;
  const k = ctx.agentOfRobot[h]!;
  return k === -1 || ctx.agents[k]!.from !== v;
}

/**
 * Writes agent `i`'s candidate nodes, best first, on top of the candidate stack (at
 * `candidateStack[base ..]`, `base` the stack's top) and returns how many (no allocation: a frame per
 * agent on PIBT's recursion path, popped by its caller).
 */
function candidates(ctx: StepContext, i: number, base: number): number {
  const { map } = ctx;
  const a = ctx.agents[i]!;
  const list = candidateList;
  list[0] = a.from;
  let count = 1;
  let straight = -1;
  for (let e = map.edgeStart[a.from]!; e < map.edgeStart[a.from + 1]!; e++) {
    const v = map.edgeTarget[e]!;
    if (a.mayEnter(v) && !blocked(ctx, i, v)) list[count++] = v;
    if (map.edgeDir[e] === a.heading) straight = v;
  }
  const stack = stackFor(base + count);
  if (count === 1) {
    stack[base] = a.from;
    return 1;
  }
  // Keys per candidate (score, turn, crowd, idle, node): an insertion sort of at most five, no allocation per key.
  for (let k = 0; k < count; k++) {
    const v = list[k]!;
    keyScore[k] = v === a.from && a.restless ? UNREACHABLE_STEPS + 1 : a.dist ? stepsAt(a.dist, v) : v === a.from ? 0 : 1;
    keyTurn[k] = v === straight || v === a.from ? 0 : 1;
    keyCrowd[k] = v !== a.from && ctx.agentAt[v] !== -1 ? 1 : 0;
    keyIdle[k] = a.dist || !a.idleCost ? 0 : a.idleCost(v);
    order[k] = k;
  }
  for (let k = 1; k < count; k++) {
    const x = order[k]!;
    let j = k - 1;
    while (j >= 0 && before(list, x, order[j]!)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
  for (let k = 0; k < count; k++) stack[base + k] = list[order[k]!]!;
  return count;
}

/** The candidates of the agent being sorted (a node and its neighbours). */
const candidateList = new Int32Array(8);
/** Candidate frames of the agents on PIBT's recursion path (grown as needed; entries above the top are garbage). */
let candidateStack = new Int32Array(1024);

/** The candidate stack, grown to hold at least `size` entries (contents kept). */
function stackFor(size: number): Int32Array {
  if (size > candidateStack.length) {
    const grown = new Int32Array(Math.max(size, candidateStack.length * 2));
    grown.set(candidateStack);
    candidateStack = grown;
  }
  return candidateStack;
}

const keyScore = new Float64Array(8);
const keyTurn = new Int8Array(8);
const keyCrowd = new Int8Array(8);
const keyIdle = new Float64Array(8);
const order = new Int32Array(8);

/** Whether candidate `x` sorts before candidate `y` (score, turn, crowd, idle cost, node id). */
function before(list: Int32Array, x: number, y: number): boolean {
  if (keyScore[x] !== keyScore[y]) return keyScore[x]! < keyScore[y]!;
  if (keyTurn[x] !== keyTurn[y]) return keyTurn[x]! < keyTurn[y]!;
  if (keyCrowd[x] !== keyCrowd[y]) return keyCrowd[x]! < keyCrowd[y]!;
  if (keyIdle[x] !== keyIdle[y]) return keyIdle[x]! < keyIdle[y]!;
  return list[x]! < list[y]!;
}

function release(ctx: StepContext, i: number): void {
  const v = ctx.next[i]!;
  if (v >= 0 && ctx.reserved[v] === i) ctx.reserved[v] = -1;
}

/** PIBT(i, parent): true when agent `i` found a node; false when it must stay (and its parent backtracks). */
function plan(ctx: StepContext, i: number, parent: number): boolean {
  const { agents, next, reserved, agentAt } = ctx;
  const a = agents[i]!;
  const base = ctx.top;
  const count = candidates(ctx, i, base);
  ctx.top = base + count;
  for (let c = 0; c < count; c++) {
    // Re-read: a deeper call may have grown the stack.
    const v = candidateStack[base + c]!;
    if (reserved[v] !== -1) continue;
    if (parent >= 0 && v === agents[parent]!.from) continue;
    const k = agentAt[v]!;
    // No rotations: a node whose agent already moved on is only free once its body has left.
    if (k !== -1 && k !== i && next[k] !== -1) continue;
    release(ctx, i);
    next[i] = v;
    reserved[v] = i;
    if (k !== -1 && k !== i && !plan(ctx, k, i)) {
      reserved[v] = k; // it stays where it is
      continue;
    }
    ctx.top = base;
    return true;
  }
  ctx.top = base;
  release(ctx, i);
  next[i] = a.from;
  if (reserved[a.from] === -1) reserved[a.from] = i;
  return false;
}

/** The neighbour nearest the goal (closer than `here`), ignoring other robots; -1 if none. */
function bestNeighbour(map: Roadmap, a: PibtAgent, here: number): number {
  let best = -1;
  let bestDist = here === UNREACHABLE_STEPS ? UNREACHABLE_STEPS : here;
  for (let e = map.edgeStart[a.from]!; e < map.edgeStart[a.from + 1]!; e++) {
    const v = map.edgeTarget[e]!;
    if (!a.mayEnter(v)) continue;
    const d = stepsAt(a.dist!, v);
    if (d < bestDist || (d === bestDist && best >= 0 && v < best)) {
      bestDist = d;
      best = v;
    }
  }
  return best;
}
