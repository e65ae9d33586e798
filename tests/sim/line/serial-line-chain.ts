/**
 * The exact throughput of a serial line with exponential machines, written for the tests from the
 * textbook definition (independent of the simulator's code): saturated source → M1 → B1 → … → Mn →
 * unlimited sink, buffer j of capacity c_j (0: direct transfer), each blocking after service (a
 * finished unit waits on its machine) or before service (a machine starts a unit only with a place
 * free in its output buffer). The state is each machine's status (empty, working, holding a
 * finished unit) and each buffer's count; every move that can happen at an instant (hand a unit on,
 * take a unit) is made before the state is recorded. The chain's states are found by exploring
 * from the empty line, and π solves πQ = 0, Σπ = 1 by Gaussian elimination.
 */
export interface ChainLine {
  /** Processing rates, units per second, in flow order. */
  rates: readonly number[];
  /** Capacity of each buffer between two machines (`rates.length − 1` values). */
  capacities: readonly number[];
  /** Blocking before service on every buffer (default: after service). */
  beforeService?: boolean;
}

const EMPTY = 0;
const WORKING = 1;
const DONE = 2;

type Line = { m: number[]; n: number[] };

/** Whether empty machine `i` could start a unit as far as its output is concerned. */
function roomAhead(line: ChainLine, s: Line, i: number): boolean {
  if (i === line.rates.length - 1 || !line.beforeService) return true;
  const c = line.capacities[i]!;
  if (c > 0) return s.n[i]! < c;
  return s.m[i + 1] === EMPTY && roomAhead(line, s, i + 1);
}

/** Makes every instantaneous move until none is left. */
function settle(line: ChainLine, s: Line): void {
  const K = line.rates.length;
  for (let moved = true; moved; ) {
    moved = false;
    for (let i = 0; i < K; i++) {
      if (s.m[i] === DONE) {
        if (i === K - 1) s.m[i] = EMPTY;
        else if (line.capacities[i]! > 0 && s.n[i]! < line.capacities[i]!) {
          s.n[i]! += 1;
          s.m[i] = EMPTY;
        } else if (line.capacities[i] === 0 && s.m[i + 1] === EMPTY && roomAhead(line, s, i + 1)) {
          s.m[i + 1] = WORKING;
          s.m[i] = EMPTY;
        } else continue;
        moved = true;
      }
      if (s.m[i] === EMPTY && roomAhead(line, s, i)) {
        if (i === 0) s.m[i] = WORKING;
        else if (s.n[i - 1]! > 0) {
          s.n[i - 1]! -= 1;
          s.m[i] = WORKING;
        } else if (line.capacities[i - 1] === 0 && s.m[i - 1] === DONE) {
          s.m[i - 1] = EMPTY;
          s.m[i] = WORKING;
        } else continue;
        moved = true;
      }
    }
  }
}

/** Solves πQ = 0, Σπ = 1 (dense Gaussian elimination with partial pivoting on Qᵀ). */
export function stationary(Q: number[][]): number[] {
  const size = Q.length;
  const A = Array.from({ length: size }, (_, i) => [...Array.from({ length: size }, (_, j) => Q[j]![i]!), 0]);
  A[size - 1] = [...new Array<number>(size).fill(1), 1];
  for (let c = 0; c < size; c++) {
    let p = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < size; r++) {
      if (r === c || A[r]![c] === 0) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= size; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => row[size]! / row[i]!);
}

/** Exact throughput (units per second at the sink) and the number of states of the chain. */
export function exactLineThroughput(line: ChainLine): { throughput: number; states: number } {
  const K = line.rates.length;
  const start: Line = { m: new Array<number>(K).fill(EMPTY), n: new Array<number>(K - 1).fill(0) };
  settle(line, start);
  const key = (s: Line) => `${s.m.join('')}|${s.n.join(',')}`;
  const index = new Map<string, number>([[key(start), 0]]);
  const states: Line[] = [start];
  const edges: Array<[number, number, number]> = [];
  for (let at = 0; at < states.length; at++) {
    const s = states[at]!;
    for (let i = 0; i < K; i++) {
      if (s.m[i] !== WORKING) continue;
      const next: Line = { m: [...s.m], n: [...s.n] };
      next.m[i] = DONE;
      settle(line, next);
      const k = key(next);
      if (!index.has(k)) {
        index.set(k, states.length);
        states.push(next);
      }
      edges.push([at, index.get(k)!, line.rates[i]!]);
    }
  }
  const Q = Array.from({ length: states.length }, () => new Array<number>(states.length).fill(0));
  for (const [from, to, rate] of edges) {
    Q[from]![to]! += rate;
    Q[from]![from]! -= rate;
  }
  const pi = stationary(Q);
  const throughput = states.reduce((sum, s, i) => sum + (s.m[K - 1] === WORKING ? pi[i]! * line.rates[K - 1]! : 0), 0);
  return { throughput, states: states.length };
}

/**
 * Mean value analysis of a closed loop of identical single-server exponential stations (CONWIP):
 * `stations` stations of mean service `meanSec`, `cards` jobs; throughput in jobs per second.
 */
export function mvaThroughput(stations: number, meanSec: number, cards: number): number {
  let queue = new Array<number>(stations).fill(0);
  let x = 0;
  for (let n = 1; n <= cards; n++) {
    const residence = queue.map((q) => meanSec * (1 + q));
    x = n / residence.reduce((a, b) => a + b, 0);
    queue = residence.map((r) => x * r);
  }
  return x;
}
