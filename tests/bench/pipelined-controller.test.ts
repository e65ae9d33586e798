import { describe, expect, it } from 'vitest';
import { startIsolatedController } from '../../bench/run/isolated-controller.ts';
import { PipelinedController } from '../../bench/run/pipelined-controller.ts';
import { runScenario } from '../../bench/run/run-scenario.ts';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { SimHost } from '../../sim/index.ts';

const run = (pipeline: boolean) =>
  runScenario({ scenario: 'warehouse/g2p-medium', controller: 'pibt', overrides: { minutes: 2 }, ...(pipeline ? { pipeline } : {}) });

/** `--pipeline`: the controller decides in a worker while the world steps; its commands act one control period late. */
describe('a pipelined controller', () => {
  it('gives the same hash run after run, also two at once, and moves the fleet without a collision', async () => {
    const [a, b] = await Promise.all([run(true), run(true)]);
    const c = await run(true);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(1);
    expect(a.isolated).toBe(true);
    // g2p-medium decides every 3rd tick at 30 Hz: commands act 0.1 s after their observation.
    expect(a.pipelineLatencySec).toBeCloseTo(0.1, 12);
    expect(a.kpis.collisions.total).toBe(0);
    expect(a.kpis.ordersDelivered).toBeGreaterThan(0);
    expect(a.failures.controllerFailed.count).toBe(0);
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
