import { describe, expect, it } from 'vitest';
import { robotRows } from '../../sim/index.ts';
import { controllers } from '../../robots/index.ts';
import type { FleetController, SimEvent } from '../../sim/index.ts';
import { makeHost, makeSpec, runCollect } from '../helpers/make-host.ts';

const battery = (host: { state: { things: Record<string, unknown> } }) =>
  host.state.things.battery as { count: number; capacityWh: Float64Array; stranded: Uint8Array };
const ofType = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

/** The default controller blind to batteries (its charging policy sees none): it works until robots run flat. */
function neverCharges(): FleetController {
  const inner = controllers.reserve!();
  return { ...inner, name: 'never-charges', decide: (o) => inner.decide({ ...o, things: { ...o.things, battery: undefined } }) };
}

describe('batteries and chargers', () => {
  it('night-shift: 10 simulated minutes with the default controller charge robots in time, strand none and deliver work, deterministically', async () => {
    const run = async () => {
      const host = await makeHost({ scenario: 'warehouse/night-shift', controller: 'reserve', overrides: { minutes: 10 } });
      const events = runCollect(host);
      const out = {
        hash: host.hash(),
        kpis: host.kpis(),
        started: ofType(events, 'charge.started').length,
        stranded: ofType(events, 'battery.stranded').length,
      };
      host.dispose();
      return out;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a.stranded).toBe(0);
    expect(a.started).toBeGreaterThanOrEqual(3);
    expect(a.kpis.ordersDelivered).toBeGreaterThan(10);
    const b = a.kpis.things!.battery!;
    expect(b.robotsStranded).toBe(0);
    expect(b.charges).toBe(a.started);
    expect(b.chargeDowntimeSec).toBeGreaterThan(60);
    expect(b.minSocPct).toBeGreaterThan(0);
  }, 120_000);

  it('without a charging policy robots run flat and are stranded for good', async () => {
    const host = await makeHost({ scenario: 'warehouse/night-shift', controller: neverCharges(), overrides: { minutes: 12 } });
    const events = runCollect(host);
    const stranded = ofType(events, 'battery.stranded');
    expect(stranded.length).toBeGreaterThan(0);
    const first = stranded[0]!;
    expect(robotRows.table(host.state).batteryWh[first.robot]).toBe(0);
    expect(robotRows.table(host.state).speedMps[first.robot]).toBe(0);
    expect(battery(host).stranded[first.robot]).toBe(1);
    expect(host.kpis().things!.battery!.robotsStranded).toBe(stranded.length);
  }, 120_000);

  it('drains by distance, load and idle time; start charges spread over the fleet; a docked robot charges at the charger power', async () => {
    const layout = ['##########', '#S.S....C#', '#R......P#', '##########'];
    const spec = makeSpec(layout, {
      fleet: [{ model: 'shelf-lifter', count: 2 }],
      batteries: { capacityWh: 50, startSocPct: { min: 40, max: 80 } },
      chargers: { powerW: 3600 },
    });
    const idle = await makeHost({ spec, controller: { name: 'idle', decide: () => [] } });
    expect([...robotRows.table(idle.state).batteryWh]).toEqual([20, 40]);
    runCollect(idle, 30 * 60);
    // Idle draw of a shelf lifter is 40 W: one minute costs 40/60 Wh.
    expect(robotRows.table(idle.state).batteryWh[0]).toBeCloseTo(20 - 40 / 60, 6);
    const toCharger: FleetController = {
      name: 'to-charger',
      decide: (o) => {
        const r = o.robots[1]!;
        if (o.tick === 0) return [{ kind: 'goto', robot: 1, node: o.chargerNodes[0]! }];
        if (r.atNode && r.node === o.chargerNodes[0] && r.mode === 'hold') return [{ kind: 'dock', robot: 1 }];
        return [];
      },
    };
    const host = await makeHost({ spec, controller: toCharger });
    const events = runCollect(host, 30 * 30);
    const started = ofType(events, 'charge.started');
    expect(started.map((e) => [e.robot, e.charger])).toEqual([[1, 0]]);
    expect(started[0]!.socPct).toBeLessThan(80);
    // 3.6 kW for the rest of the 30 s fills the 50 Wh pack to its capacity, never beyond.
    expect(robotRows.table(host.state).batteryWh[1]).toBe(50);
  });

  it('a scenario without a batteries section has no battery or charger rows', async () => {
    const host = await makeHost({ scenario: 'warehouse/g2p-small' });
    expect(battery(host).count).toBe(0);
    expect((host.state.things.charger as { count: number }).count).toBe(0);
    runCollect(host, 300);
    expect(host.kpis().things).toBeUndefined();
  });
});
