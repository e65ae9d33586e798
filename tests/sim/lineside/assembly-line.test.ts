import { describe, expect, it } from 'vitest';
import { makeHost, runCollect } from '../../helpers/make-host.ts';

/** `production/assembly-line`: the fleet keeps a line in parts; too few AMRs starve it. */
describe('production/assembly-line: line-side logistics against the line', () => {
  it('with its three AMRs the line never waits; with two it starves, late deliveries are reported and fewer units ship', async () => {
    const run = async (robots: number) => {
      const host = await makeHost({ scenario: 'production/assembly-line', controller: 'reserve', overrides: { robots, minutes: 40 } });
      const events = runCollect(host);
      return { k: host.kpis(), events };
    };
    const three = await run(3);
    const two = await run(2);
    const l3 = three.k.things!.lineside as Record<string, number>;
    const l2 = two.k.things!.lineside as Record<string, number>;
    expect(l3.standWaitSec).toBe(0);
    expect(l3.totesDelivered).toBeGreaterThan(15);
    expect(l2.lateDeliveries!).toBeGreaterThan(0);
    expect(l2.standWaitSec!).toBeGreaterThan(60);
    expect(two.events.some((e) => e.type === 'lineside.empty')).toBe(true);
    const units = (k: typeof three.k) => (k.things!.sink as Record<string, number>).unitsCompleted!;
    expect(units(two.k)).toBeLessThan(units(three.k));
    // The starved machine is the first: M1's starved share appears only with two AMRs.
    expect((two.k.things!.machine as Record<string, number>)['M1.starved']!).toBeGreaterThan(0.02);
    expect((three.k.things!.machine as Record<string, number>)['M1.starved'] ?? 0).toBe(0);
    // The scripted breakdown and the rush order fired.
    expect(three.events.filter((e) => e.type === 'scripted.fired').map((e) => e.type === 'scripted.fired' && e.kind)).toEqual(['machine.down']);
    expect(three.k.throughputPerHour).toBeGreaterThan(60); // customer orders kept flowing beside the line
  });
});
