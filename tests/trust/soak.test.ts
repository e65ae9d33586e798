import { describe, expect, it } from 'vitest';
import { runSoak } from '../../bench/run/soak-loop.ts';

/**
 * The soak in short form: g2p-medium (10 robots) for 20 simulated minutes, a memory sample every
 * 5 simulated minutes (the full `bench soak` samples every simulated hour of 8); memory after the
 * first sample must grow by less than 10 %.
 */
describe('soak (short)', () => {
  it('20 simulated minutes of g2p-medium: memory after the first sample grows < 10 %, nothing stops the run', async () => {
    const report = await runSoak({ scenario: 'warehouse/g2p-medium', controller: 'reserve', robots: 10, hours: 1 / 3, sampleEveryHours: 1 / 12, seed: 1 });
    expect(report.samples).toHaveLength(4);
    expect(report.result.failures.stopped).toBeNull();
    expect(report.result.kpis.ordersDelivered).toBeGreaterThan(0);
    expect(report.growth, JSON.stringify(report.samples)).toBeLessThan(0.1);
    expect(report.passed).toBe(true);
  }, 60_000);
});
