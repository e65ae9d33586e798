import type { Roadmap } from '../../../sim/index.ts';
import { UNREACHABLE_STEPS } from './pibt-distances.ts';

/** One agent of a PIBT step, given in priority order (highest first). */
export interface PibtAgent {
  /** Robot id. */
  id: number;
  /** Node the agent plans from: the last node it holds on its way (where it stands when still). */
  from: number;
  /** Steps from each node to its goal; null for an agent without a goal (it keeps still unless pushed). */
  dist: Int32Array | null;
  /** Whether the agent may step onto node `n` at all (its own load constraints). */
  mayEnter: (n: number) => boolean;
  /** Direction (0 N, 1 E, 2 S, 3 W) the agent travels in, or -1: among equally near moves, going straight wins (turning costs a stop). */
  heading?: number;
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
 */
export function pibtStep(map: Roadmap, agents: readonly PibtAgent[], holder: Int32Array): PibtStepResult {
  const n = agents.length;
  const next = new Int32Array(n).fill(-1);
  const waitsOn = new Int32Array(n).fill(-1);
  /** Agent index planning from each node. */
  const agentAt = new Map<number, number>();
  const agentOfRobot = new Map<number, number>();
  agents.forEach((a, i) => {
    agentAt.set(a.from, i);
    agentOfRobot.set(a.id, i);
  });
  /** Agent index that reserved each node for the next step. */
  const reserved = new Map<number, number>();

  const blocked = (i: number, v: number): boolean => {
    const h = holder[v]!;
    if (h === -1 || h === agents[i]!.id) return false;
    const k = agentOfRobot.get(h);
    return k === undefined || agents[k]!.from !== v;
  };

  const candidates = (i: number): number[] => {
    const a = agents[i]!;
    const list = [a.from];
    let straight = -1;
    for (let e = map.edgeStart[a.from]!; e < map.edgeStart[a.from + 1]!; e++) {
      const v = map.edgeTarget[e]!;
      if (a.mayEnter(v) && !blocked(i, v)) list.push(v);
      if (map.edgeDir[e] === a.heading) straight = v;
    }
    const score = (v: number) => (a.dist ? a.dist[v]! : v === a.from ? 0 : 1);
    const crowd = (v: number) => (v !== a.from && agentAt.has(v) ? 1 : 0);
    const idle = (v: number) => (a.dist || !a.idleCost ? 0 : a.idleCost(v));
    const turn = (v: number) => (v === straight || v === a.from ? 0 : 1);
    return list.sort((u, v) => score(u) - score(v) || turn(u) - turn(v) || crowd(u) - crowd(v) || idle(u) - idle(v) || u - v);
  };

  const release = (i: number) => {
    const v = next[i]!;
    if (v >= 0 && reserved.get(v) === i) reserved.delete(v);
  };

  const plan = (i: number, parent: number): boolean => {
    const a = agents[i]!;
    for (const v of candidates(i)) {
      if (reserved.has(v)) continue;
      if (parent >= 0 && v === agents[parent]!.from) continue;
      const k = agentAt.get(v);
      // No rotations: a node whose agent already moved on is only free once its body has left.
      if (k !== undefined && k !== i && next[k] !== -1) continue;
      release(i);
      next[i] = v;
      reserved.set(v, i);
      if (k !== undefined && k !== i && next[k] === -1 && !plan(k, i)) {
        reserved.set(v, k); // it stays where it is
        continue;
      }
      return true;
    }
    release(i);
    next[i] = a.from;
    if (!reserved.has(a.from)) reserved.set(a.from, i);
    return false;
  };

  for (let i = 0; i < n; i++) if (next[i] === -1) plan(i, -1);

  // Who each agent that stays (or cannot enter yet) waits for: the holder of its best move.
  for (let i = 0; i < n; i++) {
    const a = agents[i]!;
    if (!a.dist) continue;
    const here = a.dist[a.from]!;
    if (here === 0) continue;
    const target = next[i] !== a.from ? next[i]! : bestNeighbour(map, a, here);
    if (target < 0) continue;
    const h = holder[target]!;
    if (h !== -1 && h !== a.id) waitsOn[i] = h;
  }
  return { next, waitsOn };
}

/** The neighbour nearest the goal (closer than `here`), ignoring other robots; -1 if none. */
function bestNeighbour(map: Roadmap, a: PibtAgent, here: number): number {
  let best = -1;
  let bestDist = here === UNREACHABLE_STEPS ? UNREACHABLE_STEPS : here;
  for (let e = map.edgeStart[a.from]!; e < map.edgeStart[a.from + 1]!; e++) {
    const v = map.edgeTarget[e]!;
    if (!a.mayEnter(v)) continue;
    const d = a.dist![v]!;
    if (d < bestDist || (d === bestDist && best >= 0 && v < best)) {
      bestDist = d;
      best = v;
    }
  }
  return best;
}
