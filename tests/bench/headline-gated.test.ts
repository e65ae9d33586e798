import { describe, expect, it } from 'vitest';
import { KPI_METRICS } from '../../bench/analyse/gate/kpi-metrics.ts';
import { hostCatalog } from '../../robots/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { compileScenario, headlineKpisOf } from '../../sim/index.ts';

describe('the gate sees what each scenario is for', () => {
  it("every registered scenario's headline KPIs are gated metrics (in suites, baselines and compare)", () => {
    const gated = new Map(KPI_METRICS.filter((m) => m.better !== 'info').map((m) => [m.source, m.key]));
    const seen: Record<string, string[]> = {};
    for (const [id, spec] of Object.entries(scenarios)) {
      const headline = headlineKpisOf(compileScenario(spec, hostCatalog));
      expect(headline.length, `${id} has a headline KPI`).toBeGreaterThan(0);
      seen[id] = headline.map((d) => d.key);
      for (const d of headline) expect(gated.has(d.key), `${id}: headline ${d.key} is gated`).toBe(true);
    }
    expect(seen['warehouse/sortation@1']).toEqual(['things.chute.parcelsPerHour']);
    expect(seen['production/flow-line@1']).toEqual(['things.sink.throughputPerHour', 'things.machine.oee']);
    expect(seen['warehouse/g2p-small@1']).toEqual(['throughputPerHour']);
  });
});
