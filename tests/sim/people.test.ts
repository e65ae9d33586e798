import { describe, expect, it } from 'vitest';
import { orderRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { ScenarioSpecError, type FleetController, type SimEvent } from '../../sim/index.ts';
import { makeHost, makeSpec, runCollect } from '../helpers/make-host.ts';

const person = (host: { state: { things: Record<string, unknown> } }) =>
  host.state.things.person as { count: number; posX: Float64Array; posZ: Float64Array; speedMps: Float64Array };
const contactsWithPeople = (events: SimEvent[]) => events.filter((e) => e.type === 'contact.began' && e.kind === 'robot/person');

describe('people on the floor', () => {
  it('mixed-floor: 10 simulated minutes with the default controller deliver work with no robot–person contact, deterministically', async () => {
    const run = async () => {
      const host = await makeHost({ scenario: 'warehouse/mixed-floor', controller: 'reserve', overrides: { minutes: 10 } });
      const events = runCollect(host);
      const out = {
        hash: host.hash(),
        kpis: host.kpis(),
        contacts: contactsWithPeople(events).length,
        nearMisses: events.filter((e) => e.type === 'person.nearMiss').length,
      };
      host.dispose();
      return out;
    };
    const a = await run();
    const b = await run();
    expect(b).toEqual(a);
    expect(a.contacts).toBe(0);
    expect(a.kpis.ordersDelivered).toBeGreaterThan(10);
    const people = a.kpis.things!.person!;
    expect(people.robotPersonContacts).toBe(0);
    expect(people.minRobotPersonSeparationM).toBeGreaterThan(0);
    expect(people.nearMisses).toBe(a.nearMisses);
    expect(people.robotTimeLostToPeopleSec).toBeGreaterThan(0);
  }, 120_000);

  it('a robot driving at a picker stops short of them: the safety field sees every kind with a footprint', async () => {
    const layout = ['##########', '#S.......#', '#R......P#', '##########'];
    const spec = makeSpec(layout, {
      people: {
        walkers: [
          {
            role: 'picker',
            route: [
              { row: 1, col: 7 },
              { row: 1, col: 8 },
            ],
            pauseSec: 600,
            speedMps: 0.5,
          },
        ],
      },
    });
    const drive: FleetController = { name: 'drive', decide: (o) => (o.tick === 0 ? [{ kind: 'drive', robot: 0, linearMps: 1.5, angularRps: 0 }] : []) };
    const host = await makeHost({ spec, controller: drive });
    const events = runCollect(host, 30 * 15);
    expect(contactsWithPeople(events)).toEqual([]);
    const r = robotRows.table(host.state);
    expect(r.speedMps[0]).toBe(0);
    const gapM = person(host).posX[0]! - 0.25 - (r.posX[0]! + 0.35);
    // Stopped outside the picker's 0.5 m keep-out, not far before it.
    expect(gapM).toBeGreaterThanOrEqual(0.5);
    expect(gapM).toBeLessThan(0.8);
    expect(host.kpis().things!.person!.robotTimeLostToPeopleSec).toBeGreaterThan(5);
  });

  it('people walk their loop and pause with seeded variation: other seeds walk differently, the orders stream does not move', async () => {
    const layout = ['############', '#S.........#', '#..........#', '#R........P#', '############'];
    const spec = makeSpec(layout, {
      people: {
        walkers: [
          {
            role: 'picker',
            route: [
              { row: 2, col: 2 },
              { row: 2, col: 9 },
            ],
            pauseSec: 2,
            variation: 0.5,
          },
        ],
      },
    });
    const at = async (seed: number, withPeople = true) => {
      const host = await makeHost({ spec: withPeople ? spec : makeSpec(layout), seed, controller: { name: 'idle', decide: () => [] } });
      runCollect(host, 30 * 40);
      const out = { x: withPeople ? person(host).posX[0]! : -1, orders: [...orderRows.data(host.state).rngOrders] };
      host.dispose();
      return out;
    };
    const a = await at(1);
    const b = await at(2);
    expect(a.x).not.toBe(b.x);
    expect(a.x).toBeGreaterThanOrEqual(2.5);
    expect(a.x).toBeLessThanOrEqual(9.5);
    expect(await at(1)).toEqual(a);
    expect((await at(1, false)).orders).toEqual(a.orders);
  });

  it('names every bad walker field with its path', async () => {
    const layout = ['######', '#S.RP#', '######'];
    const spec = makeSpec(layout, {
      people: {
        walkers: [
          {
            role: 'picker',
            route: [
              { row: 0, col: 1 },
              { row: 1, col: 3 },
            ],
          },
          { role: 'robot', route: [{ row: 1, col: 2 }] },
        ],
      },
    } as never);
    const error = await makeHost({ spec }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioSpecError);
    const paths = (error as ScenarioSpecError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['people.walkers[1].role', 'people.walkers[1].route']));
  });
});
