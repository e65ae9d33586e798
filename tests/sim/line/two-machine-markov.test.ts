import { describe, expect, it } from 'vitest';
import { makeHost } from '../../helpers/make-host.ts';
import { batchMeans, flowSpec, runEach } from './line-helpers.ts';

/**
 * The exact throughput of a two-machine line: saturated source → M1 → buffer of B → M2 → sink,
 * exponential processing at rates μ1, μ2, blocking after service. States: M2 starved with the
 * buffer empty; both working with n = 0..B in the buffer; M1 blocked (holding a finished unit)
 * with the buffer full. Throughput = μ2 · P(M2 working), π from πQ = 0, Σπ = 1.
 */
function exactThroughput(mu1: number, mu2: number, B: number): number {
  const key = (s: string) => states.indexOf(s);
  const states = ['starved', ...Array.from({ length: B + 1 }, (_, n) => `work:${n}`), 'blocked'];
  const size = states.length;
  const Q = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rate = (from: string, to: string, r: number) => {
    Q[key(from)]![key(to)]! += r;
    Q[key(from)]![key(from)]! -= r;
  };
  rate('starved', 'work:0', mu1); // M1 finishes: M2 takes the unit at once
  for (let n = 0; n <= B; n++) {
    rate(`work:${n}`, n < B ? `work:${n + 1}` : 'blocked', mu1); // M1 finishes: into the buffer, or blocked
    rate(`work:${n}`, n > 0 ? `work:${n - 1}` : 'starved', mu2); // M2 finishes: takes the next, or starves
  }
  rate('blocked', `work:${B}`, mu2); // M2 takes one, M1 hands over at once and starts again
  // Solve πQ = 0 with the last balance equation replaced by Σπ = 1: Gaussian elimination with partial pivoting on Qᵀ.
  const A = Array.from({ length: size }, (_, i) => [...Array.from({ length: size }, (_, j) => Q[j]![i]!), 0]);
  A[size - 1] = [...new Array<number>(size).fill(1), 1];
  for (let c = 0; c < size; c++) {
    let p = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= size; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  const pi = A.map((row, i) => row[size]! / row[i]!);
  expect(pi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  return mu2 * (1 - pi[key('starved')]!);
}

describe('two-machine line against its exact Markov chain', () => {
  it('the chain agrees with the closed form for equal rates, μ · (B + 2)/(B + 3)', () => {
    for (const B of [1, 2, 5]) expect(exactThroughput(1, 1, B)).toBeCloseTo((B + 2) / (B + 3), 12);
    expect(exactThroughput(2, 2, 3)).toBeCloseTo((2 * 5) / 6, 12);
  });

  // Means 0.10 s and 0.12 s at 30 Hz: about three events per tick, so the exact sub-tick event
  // times matter. 2,400 s (72,000 ticks, ≈ 18,000 units) keeps the test affordable.
  const cases = [
    { mean1: 0.1, mean2: 0.12, B: 2 },
    { mean1: 0.12, mean2: 0.1, B: 4 },
  ];
  it.each(cases)(
    'M1 mean $mean1 s, M2 mean $mean2 s, buffer $B: simulated throughput within 2 % of the chain; Little’s law within 2 %',
    async ({ mean1, mean2, B }) => {
      const horizonSec = 2400;
      const spec = flowSpec(
        {
          stations: [{ process: { dist: 'exponential', meanSec: mean1 } }, { process: { dist: 'exponential', meanSec: mean2 } }],
          bufferCapacity: B,
          name: 'markov',
        },
        horizonSec,
      );
      const host = await makeHost({ spec, seed: 3, controller: 'greedy' });
      const batchSec = 100;
      const perBatch = new Array<number>(horizonSec / batchSec).fill(0);
      runEach(host, (e) => {
        if (e.type === 'unit.completed') perBatch[Math.floor(e.atSec / batchSec)]! += 1;
      });
      const exact = exactThroughput(1 / mean1, 1 / mean2, B);
      const sink = host.kpis().things!.sink!;
      const simulated = sink.unitsCompleted! / horizonSec;
      const { se } = batchMeans(perBatch.slice(1).map((n) => n / batchSec));
      // Reported for the README: exact, simulated, standard error of batch means (23 batches of 100 s).
      console.log(
        `two-machine μ1=${1 / mean1} μ2=${1 / mean2} B=${B}: exact ${exact.toFixed(4)}/s, simulated ${simulated.toFixed(4)}/s (${(((simulated - exact) / exact) * 100).toFixed(2)} %), SE ${se.toFixed(4)}/s`,
      );
      expect(Math.abs(simulated - exact) / exact).toBeLessThan(0.02);
      // Little's law: time-average WIP = throughput × mean cycle time.
      const little = (sink.throughputPerHour! / 3600) * sink.cycleTimeMeanSec!;
      expect(Math.abs(sink.wipUnits! - little) / sink.wipUnits!).toBeLessThan(0.02);
      host.dispose();
    },
    60_000,
  );
});
