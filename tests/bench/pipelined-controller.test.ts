import { describe, expect, it } from 'vitest';
import { startIsolatedController, type IsolatedController } from '../../bench/run/isolated-controller.ts';
import { PipelinedController } from '../../bench/run/pipelined-controller.ts';
import { runScenario } from '../../bench/run/run-scenario.ts';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { SimHost, type FleetObservation, type RobotCommand } from '../../sim/index.ts';

const run = (pipeline: boolean) =>
  runScenario({ scenario: 'warehouse/g2p-medium', controller: 'pibt', overrides: { minutes: 2 }, ...(pipeline ? { pipeline } : {}) });

/** `--pipeline`: the controller decides in a worker while the world steps; its commands act one control period late. */
describe('a pipelined controller', () => {
  it('gives the same hash run after run, also two at once, and moves the fleet without a collision', async () => {
    const [a, b] = await Promise.all([run(true), run(true)]);
    const c = await run(true);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(1);
    // Pinned: posting each observation before collecting the answer owed changed no command.
    expect(a.hash).toBe('84fb93a57a102e36');
    expect(a.isolated).toBe(true);
    // g2p-medium decides every 3rd tick at 30 Hz: commands act 0.1 s after their observation.
    expect(a.pipelineLatencySec).toBeCloseTo(0.1, 12);
    expect(a.kpis.collisions.total).toBe(0);
    expect(a.kpis.ordersDelivered).toBeGreaterThan(0);
    expect(a.failures.controllerFailed.count).toBe(0);
  });

  it('posts each observation before it waits for the answer owed, and hands out the answers in order', () => {
    const calls: string[] = [];
    const hold = (robot: number): RobotCommand => ({ kind: 'hold', robot });
    let answered = 0;
    const inner: IsolatedController = {
      name: 'recorder',
      stopped: null,
      settle: async () => undefined,
      close: () => undefined,
      decide: () => {
        throw new Error('a pipelined controller never calls decide on its worker');
      },
      postDecision: (observation) => void calls.push(`post ${observation.tick}`),
      collectDecision: () => {
        calls.push('collect');
        return [hold(answered++)];
      },
    };
    const pipelined = new PipelinedController(inner);
    const at = (tick: number) => ({ tick }) as FleetObservation;
    expect(pipelined.decide(at(0))).toEqual([]);
    expect(pipelined.decide(at(3))).toEqual([hold(0)]);
    expect(pipelined.decide(at(6))).toEqual([hold(1)]);
    // The worker has the next observation before the host waits for the answer it owes.
    expect(calls).toEqual(['post 0', 'post 3', 'collect', 'post 6', 'collect']);
    // A snapshot waits for the answer owed and keeps it for the next control tick.
    pipelined.saveState();
    expect(pipelined.decide(at(9))).toEqual([hold(2)]);
    expect(calls.slice(5)).toEqual(['collect', 'post 9']);
  });

  it('differs from the same controller deciding in place (its commands are one period late)', async () => {
    const [pipelined, inPlace] = await Promise.all([run(true), run(false)]);
    expect(inPlace.pipelineLatencySec).toBeUndefined();
    expect(pipelined.hash).not.toBe(inPlace.hash);
  });

  it('is snapshotted with the commands it owes: restored in another host, the run ends with the uninterrupted hash', async () => {
    const spec = findScenario('warehouse/g2p-small')!;
    const episode = async () => {
      const host = await SimHost.create(hostCatalog);
      const controller = new PipelinedController(await startIsolatedController('pibt'));
      host.load({ spec, controller, overrides: { minutes: 1 } });
      return { host, controller };
    };
    const straight = await episode();
    straight.host.runToEnd();
    const first = await episode();
    first.host.advance(301);
    const snapshot = structuredClone(first.host.snapshot());
    const second = await episode();
    second.host.restore(snapshot);
    second.host.runToEnd();
    expect(second.host.hash()).toBe(straight.host.hash());
    for (const e of [straight, first, second]) e.controller.close();
  });
});
