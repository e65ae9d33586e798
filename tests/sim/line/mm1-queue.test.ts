import { describe, expect, it } from 'vitest';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec } from './line-helpers.ts';

/**
 * Poisson arrivals (λ) at one machine with exponential processing (μ), units waiting at the
 * source: an M/M/1 queue, whose mean time in system is 1/(μ − λ) and mean number in system
 * λ/(μ − λ). λ = 4/s, μ = 8/s (ρ = 0.5) over 4,000 simulated seconds (about 16,000 units).
 * Queue means are strongly autocorrelated, so the tolerance here is 5 %.
 */
describe('one machine fed by Poisson arrivals (M/M/1)', () => {
  it('mean cycle time and WIP within 5 % of 1/(μ−λ) and λ/(μ−λ); throughput within 2 % of λ', async () => {
    const lambda = 4;
    const mu = 8;
    const horizonSec = 4000;
    const spec = flowSpec(
      {
        stations: [{ process: { dist: 'exponential', meanSec: 1 / mu } }],
        bufferCapacity: [],
        interarrival: { dist: 'exponential', meanSec: 1 / lambda },
        name: 'mm1',
      },
      horizonSec,
    );
    const host = await makeHost({ spec, seed: 12, controller: 'greedy' });
    host.runToEnd();
    const sink = host.kpis().things!.sink!;
    const exactW = 1 / (mu - lambda);
    const exactL = lambda / (mu - lambda);
    console.log(
      `M/M/1 λ=${lambda} μ=${mu}: W ${sink.cycleTimeMeanSec} s (exact ${exactW}), L ${sink.wipUnits} (exact ${exactL}), ${sink.unitsCompleted} units`,
    );
    expect(Math.abs(sink.unitsCompleted! / horizonSec - lambda) / lambda).toBeLessThan(0.02);
    expect(Math.abs(sink.cycleTimeMeanSec! - exactW) / exactW).toBeLessThan(0.05);
    expect(Math.abs(sink.wipUnits! - exactL) / exactL).toBeLessThan(0.05);
    host.dispose();
  }, 60_000);
});
