import { describe, expect, it } from 'vitest';
import { makeHost, runCollect } from '../../helpers/make-host.ts';

/** `production/assembly-line`: the fleet keeps a line in parts; too few AMRs starve it. */
describe('production/assembly-line: line-side logistics against the line', () => {
  it('with its three AMRs the line hardly waits; with two it starves, late deliveries are reported and no more units ship', async () => {
    const run = async (robots: number) => {
      const host = await makeHost({ scenario: 'production/assembly-line', controller: 'reserve', overrides: { robots, minutes: 40 } });
      const events = runCollect(host);
      return { k: host.kpis(), events };
    };
    const three = await run(3);
    const two = await run(2);
    const l3 = three.k.things!.lineside as Record<string, number>;
    const l2 = two.k.things!.lineside as Record<string, number>;
    expect(l3.standWaitSec!).toBeLessThan(l2.standWaitSec! / 3);
    expect(l3.totesDelivered).toBeGreaterThan(15);
    expect(l2.lateDeliveries!).toBeGreaterThan(0);
    expect(l2.standWaitSec!).toBeGreaterThan(60);
    expect(two.events.some((e) => e.type === 'lineside.empty')).toBe(true);
    const units = (k: typeof three.k) => (k.things!.sink as Record<string, number>).unitsCompleted!;
    expect(units(two.k)).toBeLessThanOrEqual(units(three.k));
    // The physical cell: both arms cycle, nothing falls to the floor, the belts carried every unit.
    const arm = three.k.things!.arm as Record<string, number>;
    expect(arm.armCycles!).toBeGreaterThan(2 * units(three.k));
    expect((three.k.things!.item as Record<string, number>).droppedItems).toBe(0);
    expect((three.k.things!.conveyor as Record<string, number>)['C2.itemsCarried']!).toBeGreaterThanOrEqual(units(three.k) - 2);
    // The scripted breakdown and the rush order fired.
    expect(three.events.filter((e) => e.type === 'scripted.fired').map((e) => e.type === 'scripted.fired' && e.kind)).toEqual(['machine.down']);
    expect(three.k.throughputPerHour).toBeGreaterThan(60); // customer orders kept flowing beside the line
  });
});
