import { describe, expect, it } from 'vitest';
import { compareKpis } from '../../bench/analyse/compare/compare-kpis.ts';
import type { RunRecord } from '../../bench/run/run-job.ts';
import { summarize, welchTest } from '../../bench/analyse/stats/welch.ts';

describe('Welch t-test and confidence intervals', () => {
  it('matches R: t.test(c(2,4,6,8,10), c(1,2,3,4,5)) gives t 1.8974, df 5.8824, p 0.1076', () => {
    const r = welchTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.t).toBeCloseTo(1.8974, 3);
    expect(r.dof).toBeCloseTo(5.8824, 3);
    expect(r.p).toBeCloseTo(0.1076, 3);
  });

  it('95% CI half-width is t(0.975, n-1)·sd/√n: 2.776·1.5811/√5 for 1..5', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.ci95).toBeCloseTo(2.7764 * (Math.sqrt(2.5) / Math.sqrt(5)), 3);
  });

  it('constant samples: equal → p 1, different → p 0', () => {
    expect(welchTest([3, 3, 3], [3, 3, 3]).p).toBe(1);
    expect(welchTest([3, 3, 3], [4, 4, 4]).p).toBe(0);
  });

  it("says B is worse on a lower throughput and better on fewer collisions, by each KPI's direction", () => {
    const run = (throughputPerHour: number, total: number) => ({ kpis: { throughputPerHour, collisions: { total } } }) as unknown as RunRecord;
    const a = [run(100, 9), run(104, 11), run(98, 10), run(102, 12)];
    const b = [run(80, 1), run(83, 2), run(79, 1), run(81, 3)];
    const rows = compareKpis(a, b);
    expect(rows.find((r) => r.metric.key === 'throughputPerHour')!.verdict).toBe('worse');
    expect(rows.find((r) => r.metric.key === 'collisions.total')!.verdict).toBe('better');
    const same = compareKpis(a, a);
    expect(same.find((r) => r.metric.key === 'throughputPerHour')!.verdict).toBe('not distinguishable');
  });
});
