import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { BUILTIN_KINDS, type ScenarioSpecInput, type SimEvent } from '../../sim/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/**
 * Every fault the sim ships, scripted on g2p-small 5 s in (cells and robots valid on that floor).
 * `seeded breakdowns` is the `faults` section (MTBF/MTTR) rather than a scripted event.
 */
const FAULTS: Record<string, Record<string, unknown> | null> = {
  'robot.stall': { kind: 'robot.stall', robot: 3, durationSec: 30 },
  'robot.breakdown': { kind: 'robot.breakdown', robot: 2, durationSec: 30 },
  'node.block': { kind: 'node.block', cell: { row: 9, col: 12 }, durationSec: 40 },
  'item.drop': { kind: 'item.drop', cell: { row: 9, col: 5 }, item: 'tote', clearAfterSec: 40 },
  'station.close': { kind: 'station.close', station: 1, durationSec: 40 },
  'command.latency': { kind: 'command.latency', controlTicks: 3 },
  'observation.noise': { kind: 'observation.noise', poseSigmaM: 0.05, scanDropout: 0.1 },
  'seeded breakdowns': null,
};
const CONTROLLERS = ['reserve', 'pibt'] as const;

function withFault(scenario: string, horizonSec: number, fault: Record<string, unknown> | null): ScenarioSpecInput {
  const base = findScenario(scenario)!;
  return (
    fault ? { ...base, horizonSec, events: [{ atSec: 5, ...fault }] } : { ...base, horizonSec, faults: { breakdowns: { mtbfSec: 300, mttrSec: 15 } } }
  ) as ScenarioSpecInput;
}

const rejections = (events: SimEvent[]) => events.filter((e) => e.type === 'command.rejected');

describe('the built-in controllers under every shipped fault', () => {
  it('the table covers every scripted fault the fault kinds and the robot kind handle', () => {
    const shipped = BUILTIN_KINDS.filter((k) => k.id === 'fault' || k.id === 'obstruction').flatMap((k) => Object.keys(k.scripted ?? {}));
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    expect(
      Object.keys(FAULTS)
        .filter((k) => k !== 'seeded breakdowns' && k !== 'robot.stall')
        .sort(),
    ).toEqual(shipped.sort());
    expect(Object.keys(BUILTIN_KINDS.find((k) => k.id === 'robot')!.scripted ?? {})).toEqual(['robot.stall']);
  });

  for (const controller of CONTROLLERS) {
    it.each(Object.keys(FAULTS))(
      `${controller} × %s on g2p-small, 75 s: the fault fires, no command is rejected, orders are delivered`,
      async (name) => {
        const host = await makeHost({ spec: withFault('warehouse/g2p-small', 75, FAULTS[name]!), controller });
        const events = runCollect(host);
        const injected = events.filter((e) => e.type === 'fault.injected');
        expect(injected.length).toBeGreaterThan(0);
        if (FAULTS[name]) expect(injected.some((e) => e.type === 'fault.injected' && e.kind === name)).toBe(true);
        expect(rejections(events)).toEqual([]);
        expect(host.kpis().ordersDelivered).toBeGreaterThan(0);
        expect(host.kpis().collisions.robotRobot).toBe(0);
      },
      120_000,
    );
  }

  it.each(CONTROLLERS)(
    '%s × command.latency (10 control ticks) on sortation, 3 min: errands and routes land valid, parcels are sorted',
    async (controller) => {
      const host = await makeHost({ spec: withFault('warehouse/sortation', 180, { kind: 'command.latency', controlTicks: 10 }), controller });
      const events = runCollect(host);
      expect(rejections(events)).toEqual([]);
      expect(events.filter((e) => e.type === 'parcel.sorted').length).toBeGreaterThan(20);
      expect(host.kpis().collisions.robotRobot).toBe(0);
    },
    120_000,
  );
});
