/**
 * The bottleneck by the active-period method (Roser, Nakano and Tanaka, 2001–2002). A machine is
 * *active* while it works, sets up or is down (being repaired), *inactive* while it waits (idle,
 * starved, blocked). At any instant the momentary bottleneck is the machine whose current
 * uninterrupted active period is the longest (periods are taken whole, start to end); where the
 * bottleneck passes from one machine's period to another's, the overlap of the two periods is a
 * *shifting* bottleneck of both, the rest of a machine's bottleneck time is *sole*. The machine with
 * the largest sole + shifting share is the bottleneck of the run.
 */
export interface BottleneckShares {
  /** Per machine (input order): share of the covered time it is the sole bottleneck, and a shifting one. */
  readonly sole: number[];
  readonly shifting: number[];
}

/**
 * Shares of `[fromSec, toSec)`. `periods[m]` holds machine m's active periods as flat
 * `[start, end, start, end, …]` in time order, disjoint, within the window (end > start).
 */
export function activePeriodBottleneck(periods: ReadonlyArray<readonly number[]>, fromSec: number, toSec: number): BottleneckShares {
  const M = periods.length;
  const sole = new Array<number>(M).fill(0);
  const shifting = new Array<number>(M).fill(0);
  const span = toSec - fromSec;
  if (!(span > 0)) return { sole, shifting };
  // Elementary segments between all period boundaries.
  const cuts: number[] = [fromSec, toSec];
  for (const p of periods) for (const t of p) cuts.push(t);
  cuts.sort((a, b) => a - b);
  // The momentary bottleneck of each segment: (machine, period index) with the longest period covering it.
  const at = new Array<number>(M).fill(0);
  const segs: Array<{ a: number; b: number; m: number; k: number }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (!(b > a)) continue;
    let best = -1;
    let bestK = -1;
    let bestLen = -1;
    for (let m = 0; m < M; m++) {
      const p = periods[m]!;
      while (at[m]! < p.length && p[at[m]! + 1]! <= a) at[m]! += 2;
      const k = at[m]!;
      if (k < p.length && p[k]! <= a && p[k + 1]! >= b && p[k + 1]! - p[k]! > bestLen) {
        best = m;
        bestK = k;
        bestLen = p[k + 1]! - p[k]!;
      }
    }
    if (best < 0) continue;
    const last = segs[segs.length - 1];
    if (last && last.m === best && last.k === bestK && last.b === a) last.b = b;
    else segs.push({ a, b, m: best, k: bestK });
  }
  // Shifting windows: the overlap of consecutive bottleneck periods of different machines.
  const windows: Array<{ a: number; b: number; m1: number; m2: number }> = [];
  for (let i = 0; i + 1 < segs.length; i++) {
    const x = segs[i]!;
    const y = segs[i + 1]!;
    if (x.m === y.m) continue;
    const px = periods[x.m]!;
    const py = periods[y.m]!;
    const a = Math.max(px[x.k]!, py[y.k]!, fromSec);
    const b = Math.min(px[x.k + 1]!, py[y.k + 1]!, toSec);
    if (b > a) windows.push({ a, b, m1: x.m, m2: y.m });
  }
  // Shifting time of each machine: the union of its windows; sole: its bottleneck time outside them.
  const byMachine: Array<Array<[number, number]>> = Array.from({ length: M }, () => []);
  for (const w of windows) {
    byMachine[w.m1]!.push([w.a, w.b]);
    byMachine[w.m2]!.push([w.a, w.b]);
  }
  const merged = byMachine.map((list) => {
    list.sort((p, q) => p[0] - q[0]);
    const out: Array<[number, number]> = [];
    for (const [a, b] of list) {
      const top = out[out.length - 1];
      if (top && a <= top[1]) top[1] = Math.max(top[1], b);
      else out.push([a, b]);
    }
    return out;
  });
  merged.forEach((list, m) => (shifting[m] = list.reduce((s, [a, b]) => s + (b - a), 0)));
  const ptr = new Array<number>(M).fill(0);
  for (const s of segs) {
    const list = merged[s.m]!;
    let inside = 0;
    while (ptr[s.m]! < list.length && list[ptr[s.m]!]![1] <= s.a) ptr[s.m]! += 1;
    for (let j = ptr[s.m]!; j < list.length && list[j]![0] < s.b; j++) inside += Math.min(s.b, list[j]![1]) - Math.max(s.a, list[j]![0]);
    sole[s.m]! += s.b - s.a - inside;
  }
  return { sole: sole.map((v) => v / span), shifting: shifting.map((v) => v / span) };
}
