import { describe, expect, it } from 'vitest';
import { compareTableMarkdown, type CompareJson } from '../../bench/analyse/compare/compare-table.ts';

const summary = (mean: number, ci95: number) => ({ n: 10, mean, sd: 1, ci95 });

describe('bench compare-table', () => {
  it('prints one row per KPI with means ± 95 % CI, Welch p and the verdict', () => {
    const file: CompareJson = {
      scenario: 'warehouse/g2p-medium@1',
      a: 'reserve',
      b: 'pibt',
      seeds: 10,
      overrides: { robots: 150, minutes: 30 },
      kpis: [
        {
          kpi: 'throughputPerHour',
          better: 'higher',
          a: summary(1044.4, 12.25),
          b: summary(1101.2, 9.5),
          welch: { t: 7, dof: 17, p: 0.0002 },
          verdict: 'better',
        },
        { kpi: 'deadlocks', better: 'lower', a: summary(150.3, 10), b: summary(3.2, 1.04), welch: { t: -30, dof: 9, p: 0.0123 }, verdict: 'better' },
        { kpi: 'utilisation', better: 'info', a: summary(0.8, 0.1), b: summary(0.8, 0.1), welch: { t: 0, dof: 18, p: 1 }, verdict: 'not distinguishable' },
      ],
    };
    const lines = compareTableMarkdown([file]).trim().split('\n');
    expect(lines[0]).toBe('| scenario | robots | minutes × seeds | KPI | `reserve` | `pibt` | Welch p | `pibt` vs `reserve` |');
    expect(lines.slice(2)).toEqual([
      '| g2p-medium | 150 | 30 × 10 | throughput (orders/h) | 1,044 ± 12 | 1,101 ± 10 | < 0.001 | better |',
      '| g2p-medium | 150 | 30 × 10 | deadlocks per run | 150.3 ± 10.0 | 3.2 ± 1.0 | 0.012 | better |',
    ]);
  });
});
