import { describe, expect, it } from 'vitest';
import { orderRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import type { FleetController, FleetObservation, ScenarioSpecInput, SimEvent } from '../../sim/index.ts';
import { makeHost, makeSpec, runCollect } from '../helpers/make-host.ts';

const LAYOUT = ['############', '#S.........#', '#..........#', '#..R.....P.#', '############'];
const idle: FleetController = { name: 'idle', decide: () => [] };
const creep = (mps = 0.3): FleetController => ({
  name: 'creep',
  decide: (o) => (o.tick === 0 ? [{ kind: 'drive', robot: 0, linearMps: mps, angularRps: 0 }] : []),
});
const faultEvents = (events: SimEvent[]) => events.filter((e) => e.type === 'scripted.fired' || e.type.startsWith('fault.'));

/** Every fault kind on g2p-small, overlapping, plus seeded breakdowns. */
function allFaults(): ScenarioSpecInput {
  return {
    ...findScenario('warehouse/g2p-small')!,
    horizonSec: 90,
    events: [
      { atSec: 5, kind: 'robot.breakdown', robot: 2, durationSec: 20 },
      { atSec: 6, kind: 'node.block', cell: { row: 9, col: 12 }, durationSec: 30 },
      { atSec: 7, kind: 'item.drop', cell: { row: 9, col: 5 }, item: 'tote', clearAfterSec: 40 },
      { atSec: 8, kind: 'station.close', station: 1, durationSec: 30 },
      { atSec: 9, kind: 'command.latency', controlTicks: 3, durationSec: 30 },
      { atSec: 10, kind: 'observation.noise', poseSigmaM: 0.05, scanDropout: 0.1, durationSec: 30 },
    ],
    faults: { breakdowns: { mtbfSec: 400, mttrSec: 15 } },
  } as ScenarioSpecInput;
}

describe('faults and uncertainty', () => {
  it('every fault kind fires on its tick, shows in the events and in the fault KPIs', async () => {
    const host = await makeHost({ spec: allFaults(), controller: 'reserve' });
    const events = runCollect(host);
    const fired = events.filter((e) => e.type === 'scripted.fired').map((e) => (e.type === 'scripted.fired' ? [e.tick, e.kind, e.owner] : []));
    expect(fired).toEqual([
      [150, 'robot.breakdown', 'fault'],
      [180, 'node.block', 'obstruction'],
      [210, 'item.drop', 'obstruction'],
      [240, 'station.close', 'fault'],
      [270, 'command.latency', 'fault'],
      [300, 'observation.noise', 'fault'],
    ]);
    const injected = events.filter((e) => e.type === 'fault.injected');
    for (const [tick, kind] of fired) expect(injected.some((e) => e.tick === tick && e.type === 'fault.injected' && e.kind === kind)).toBe(true);
    const ended = events.filter((e) => e.type === 'fault.ended').map((e) => (e.type === 'fault.ended' ? [e.tick, e.fault] : []));
    expect(ended).toEqual(
      expect.arrayContaining([
        [1080, 'node.block'],
        [1140, 'station.close'],
        [1170, 'command.latency'],
        [1200, 'observation.noise'],
        [1410, 'item.drop'],
      ]),
    );
    expect(events).toContainEqual({ type: 'fault.cleared', tick: 750, robot: 2 });
    const kpis = host.kpis();
    const f = kpis.things!.fault!;
    expect([f.nodeBlock, f.itemDrop, f.stationClose, f.commandLatency, f.observationNoise]).toEqual([1, 1, 1, 1, 1]);
    expect(f.robotBreakdown).toBeGreaterThanOrEqual(1);
    expect(f.total).toBe(kpis.faults);
    expect(f.ended).toBe(5);
  });

  it('the run stays deterministic, and a snapshot taken mid-fault (latency batches in flight, a tote on the floor) restores to the same hash', async () => {
    const straight = await makeHost({ spec: allFaults(), controller: 'reserve' });
    const straightEvents = runCollect(straight);
    const expected = straight.hash();
    const again = await makeHost({ spec: allFaults(), controller: 'reserve' });
    expect(runCollect(again)).toEqual(straightEvents);
    expect(again.hash()).toBe(expected);
    const first = await makeHost({ spec: allFaults(), controller: 'reserve' });
    runCollect(first, 30 * 20);
    const latency = first.state.things.latency as unknown as { dueTick: Int32Array };
    expect([...latency.dueTick].some((t) => t > first.tick)).toBe(true);
    const snap = structuredClone(first.snapshot());
    const second = await makeHost({ spec: allFaults(), controller: 'reserve' });
    second.restore(snap);
    expect(second.hash()).toBe(first.hash());
    runCollect(second);
    expect(second.hash()).toBe(expected);
  }, 120_000);

  it('seeded breakdowns (MTBF/MTTR) repeat with the seed, differ with another, and never shift the orders stream', async () => {
    const spec = { ...findScenario('warehouse/g2p-small')!, horizonSec: 120, faults: { breakdowns: { mtbfSec: 200, mttrSec: 10 } } } as ScenarioSpecInput;
    const run = async (seed: number, s: ScenarioSpecInput = spec) => {
      const host = await makeHost({ spec: s, seed, controller: idle });
      const events = runCollect(host).filter((e) => e.type === 'fault.injected');
      return { events, orders: [...orderRows.data(host.state).rngOrders] };
    };
    const a = await run(3);
    expect(a.events.length).toBeGreaterThan(3);
    expect(await run(3)).toEqual(a);
    expect((await run(4)).events).not.toEqual(a.events);
    expect((await run(3, { ...findScenario('warehouse/g2p-small')!, horizonSec: 120 })).orders).toEqual(a.orders);
    for (const e of a.events) {
      if (e.type !== 'fault.injected') continue;
      expect(e.durationSec).toBeGreaterThanOrEqual(5);
      expect(e.durationSec).toBeLessThan(15);
    }
  });

  it('node.block: the node is listed for planners while blocked, and a robot driving at it stops short', async () => {
    const seen: Array<readonly number[]> = [];
    const watcher: FleetController = {
      name: 'watch',
      decide: (o: FleetObservation) => {
        seen[o.tick] = (o.things.obstruction as { blockedNodes: number[] }).blockedNodes;
        return creep(0.5).decide(o);
      },
    };
    const spec = makeSpec(LAYOUT, { horizonSec: 30, events: [{ atSec: 1, kind: 'node.block', cell: { row: 1, col: 6 }, durationSec: 20 }] });
    const host = await makeHost({ spec, controller: watcher });
    const events = runCollect(host, 30 * 15);
    const node = host.model.roadmap.cellNode[1 * 12 + 6]!;
    expect(seen[0]).toEqual([]);
    expect(seen[33]).toEqual([node]);
    expect(robotRows.table(host.state).speedMps[0]).toBe(0);
    expect(robotRows.table(host.state).posX[0]! + 0.35).toBeLessThan(6.5 - 0.5);
    expect(events.filter((e) => e.type === 'contact.began')).toEqual([]);
    runCollect(host);
    expect(seen[30 * 22]).toEqual([]);
    expect(robotRows.table(host.state).posX[0]).toBeGreaterThan(7);
  });

  it('item.drop: a tote falls as a real body, rests on the floor as an obstacle and is cleared on time', async () => {
    const spec = makeSpec(LAYOUT, { horizonSec: 30, events: [{ atSec: 1, kind: 'item.drop', cell: { row: 2, col: 6 }, item: 'tote', clearAfterSec: 10 }] });
    const host = await makeHost({ spec, controller: idle });
    const kind = host.model.kinds.indexOf('obstruction');
    runCollect(host, 33);
    const falling = host.state.physics.bodyTranslation(kind, 0).y;
    runCollect(host, 60);
    const resting = host.state.physics.bodyTranslation(kind, 0);
    expect(falling).toBeGreaterThan(resting.y);
    expect(resting.y).toBeCloseTo(0.35 / 2, 2);
    expect(resting.x).toBeCloseTo(6.5, 2);
    expect(resting.z).toBeCloseTo(2.5, 2);
    const events = runCollect(host, 300);
    expect(faultEvents(events)).toContainEqual({ type: 'fault.ended', tick: 330, fault: 'item.drop', target: host.model.roadmap.cellNode[2 * 12 + 6]! });
    expect(host.state.physics.bodyTranslation(kind, 0).y).toBeLessThan(-1);
    expect(host.kpis().collisions.total).toBe(0);
  });

  it('station.close: no pick progresses at the closed station until it reopens', async () => {
    const spec = {
      ...findScenario('warehouse/g2p-small')!,
      horizonSec: 150,
      events: [{ atSec: 0, kind: 'station.close', station: 0, durationSec: 100 }],
    } as ScenarioSpecInput;
    const host = await makeHost({ spec, controller: 'reserve' });
    const events = runCollect(host);
    const picks = events.filter((e) => e.type === 'pick.completed');
    expect(picks.filter((e) => e.type === 'pick.completed' && e.station === 0 && e.tick < 3000)).toEqual([]);
    expect(picks.filter((e) => e.type === 'pick.completed' && e.station !== 0).length).toBeGreaterThan(0);
    expect(events).toContainEqual({ type: 'fault.ended', tick: 3000, fault: 'station.close', target: 0 });
  });

  it('command.latency: a command is applied k control ticks after it was issued', async () => {
    const spec = makeSpec(LAYOUT, { horizonSec: 10, events: [{ atSec: 0, kind: 'command.latency', controlTicks: 4, durationSec: 5 }] });
    const host = await makeHost({ spec, controller: creep() });
    const x0 = robotRows.table(host.state).posX[0]!;
    runCollect(host, 12);
    expect(robotRows.table(host.state).posX[0]).toBe(x0);
    expect(robotRows.table(host.state).mode[0]).toBe(0);
    runCollect(host, 1);
    expect(robotRows.table(host.state).mode[0]).toBe(1);
    runCollect(host, 10);
    expect(robotRows.table(host.state).posX[0]).toBeGreaterThan(x0);
  });

  it('observation.noise: observed poses are noisy and scan beams drop out only while it lasts; the state is untouched', async () => {
    const rows: Array<{ tick: number; dx: number; full: number }> = [];
    let host: Awaited<ReturnType<typeof makeHost>>;
    const probe: FleetController = {
      name: 'probe',
      scan: { beams: 36, rangeM: 4 },
      decide: (o) => {
        const r = o.robots[0]!;
        rows.push({ tick: o.tick, dx: r.x - robotRows.table(host.state).posX[0]!, full: [...r.scanM!].filter((d) => d === 4).length });
        return [];
      },
    };
    const spec = makeSpec(LAYOUT, { horizonSec: 10, events: [{ atSec: 2, kind: 'observation.noise', poseSigmaM: 0.1, scanDropout: 0.5, durationSec: 3 }] });
    host = await makeHost({ spec, controller: probe });
    const clean = await makeHost({ spec: makeSpec(LAYOUT, { horizonSec: 10 }), controller: idle });
    runCollect(host);
    runCollect(clean);
    const before = rows.filter((r) => r.tick > 0 && r.tick < 60);
    const during = rows.filter((r) => r.tick >= 60 && r.tick < 150);
    const after = rows.filter((r) => r.tick >= 150);
    expect(before.every((r) => r.dx === 0) && after.every((r) => r.dx === 0)).toBe(true);
    expect(during.filter((r) => r.dx !== 0).length).toBe(during.length);
    expect(during.reduce((s, r) => s + r.full, 0) / during.length).toBeGreaterThan(before.reduce((s, r) => s + r.full, 0) / before.length + 10);
    expect([...robotRows.table(host.state).posX, ...robotRows.table(host.state).posZ, ...orderRows.data(host.state).rngOrders]).toEqual([
      ...robotRows.table(clean.state).posX,
      ...robotRows.table(clean.state).posZ,
      ...orderRows.data(clean.state).rngOrders,
    ]);
  });
});
