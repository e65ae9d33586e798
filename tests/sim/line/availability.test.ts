import { describe, expect, it } from 'vitest';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec, runEach } from './line-helpers.ts';

/**
 * One machine behind a saturated source, exponential failures (MTBF 2 s) and repairs (MTTR 0.5 s):
 * it is never starved or blocked, so its availability is MTBF/(MTBF + MTTR) = 0.8. Over 3,000 s
 * (about 1,200 failure cycles) the standard error of the down share is about 0.005.
 */
describe('a machine with exponential failures and repairs', () => {
  it.each(['time', 'operations'] as const)(
    '%s-based failures: availability within 2 percent of MTBF/(MTBF+MTTR)',
    async (basis) => {
      const mtbfSec = 2;
      const mttrSec = 0.5;
      const spec = flowSpec(
        { stations: [{ process: { dist: 'exponential', meanSec: 0.2 }, mtbfSec, mttrSec, failureBasis: basis }], bufferCapacity: [], name: 'avail' },
        3000,
      );
      const host = await makeHost({ spec, seed: 4, controller: 'greedy' });
      let failures = 0;
      let repairs = 0;
      runEach(host, (e) => {
        if (e.type === 'machine.failed') failures += 1;
        if (e.type === 'machine.repaired') repairs += 1;
      });
      const k = host.kpis().things!.machine!;
      const expected = mtbfSec / (mtbfSec + mttrSec);
      console.log(`availability (${basis}): ${k['M1.availability']} vs ${expected}, ${failures} failures`);
      expect(Math.abs(k['M1.availability']! - expected) / expected).toBeLessThan(0.02);
      expect(k['M1.down']! + k['M1.working']!).toBeCloseTo(1, 3);
      expect(failures).toBeGreaterThan(1000);
      expect(repairs).toBeGreaterThanOrEqual(failures - 1);
      // Performance: the machine works whenever it is up, so ideal cycle × units ≈ the time up.
      expect(Math.abs(k['M1.performance']! - 1)).toBeLessThan(0.03);
      host.dispose();
    },
    60_000,
  );

  it('operations-based failures do not age an idle machine: a starved machine never fails', async () => {
    const spec = flowSpec(
      {
        stations: [{ process: { dist: 'fixed', sec: 1 }, mtbfSec: 5, mttrSec: 1, failureBasis: 'operations' }],
        bufferCapacity: [],
        interarrival: { dist: 'fixed', sec: 10 },
        name: 'ops',
      },
      600,
    );
    const host = await makeHost({ spec, seed: 2, controller: 'greedy' });
    const downs: number[] = [];
    runEach(host, (e) => {
      if (e.type === 'machine.failed') downs.push(e.atSec);
    });
    const k = host.kpis().things!.machine!;
    // Works 1 s in every 10 s: 60 working seconds, MTBF 5 working seconds ⇒ about 12 failures, all while working.
    expect(downs.length).toBeGreaterThan(4);
    expect(downs.length).toBeLessThan(25);
    expect(k['M1.starved']! + k['M1.idle']!).toBeGreaterThan(0.8);
    host.dispose();
  }, 60_000);
});
