import { describe, expect, it } from 'vitest';
import { controllers, hostCatalog } from '../../../robots/index.ts';
import { findScenario } from '../../../scenarios/index.ts';
import { SimHost, type FleetController, type FleetObservation } from '../../../sim/index.ts';

/** Runs `scenario` with catalogue controller `name` for `ticks`, trusted or not; what it was handed, and the hash. */
async function run(scenario: string, name: string, trustedController: boolean, ticks: number) {
  const host = await SimHost.create(hostCatalog);
  const inner = controllers[name]!();
  let seen: FleetObservation | null = null;
  const controller: FleetController = { ...inner, name, decide: (o) => ((seen ??= o), inner.decide(o)) };
  host.load({ spec: findScenario(scenario)!, controller, trustedController });
  host.advance(ticks);
  return { hash: host.hash(), kpis: host.kpis(), roadmapIsModels: seen!.roadmap === host.model.roadmap };
}

/** A built-in controller runs without defensive copies of its observations: same results, less work. */
describe('a trusted controller', () => {
  it.each([
    ['warehouse/g2p-small', 'pibt'],
    ['warehouse/sortation', 'reserve'],
  ])('%s with %s: the same hash and KPIs as with the defensive copies', async (scenario, name) => {
    const copied = await run(scenario, name, false, 900);
    const trusted = await run(scenario, name, true, 900);
    expect(trusted.hash).toBe(copied.hash);
    expect(trusted.kpis).toEqual(copied.kpis);
    // Untrusted: a copy of the roadmap; trusted: the model's own.
    expect([copied.roadmapIsModels, trusted.roadmapIsModels]).toEqual([false, true]);
  });
});
