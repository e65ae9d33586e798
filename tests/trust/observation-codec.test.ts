import { describe, expect, it } from 'vitest';
import { createGreedyController } from '../../robots/index.ts';
import { createObservationDecoder, createObservationEncoder, staticObservationOf, type FleetObservation } from '../../sim/index.ts';
import { recordObservations } from '../helpers/record-observations.ts';

/** Observations as an isolated controller sees them must equal the in-thread ones, field for field. */
describe('observation codec (isolated controllers)', () => {
  it('decode(encode(o)) deep-equals o over a run with lifts, carries, tasks and scans; unchanged views are reused and frozen', async () => {
    const seen = await recordObservations(createGreedyController(), 'warehouse/g2p-small', {
      seed: 4,
      overrides: { robots: 8, minutes: 1.5 },
      scan: { beams: 8, rangeM: 3 },
    });
    const encoder = createObservationEncoder();
    const decoder = createObservationDecoder(staticObservationOf(seen[0]!));
    let previous: FleetObservation | null = null;
    let reused = 0;
    for (const o of seen) {
      const d = decoder.decode(encoder.encode(o));
      expect(d).toEqual(o);
      expect(Object.isFrozen(d.loads)).toBe(true);
      expect(Object.isFrozen(d.tasks)).toBe(true);
      if (previous && d.loads[0] === previous.loads[0]) reused += 1;
      previous = d;
    }
    expect(seen.some((o) => o.robots.some((r) => r.carrying !== null))).toBe(true);
    expect(seen.some((o) => o.tasks.length > 0)).toBe(true);
    expect(reused).toBeGreaterThan(seen.length / 2);
  }, 30_000);
});
