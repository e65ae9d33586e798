import { robotModels } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { SimHost, type FleetController, type FleetObservation, type ScenarioOverrides } from '../../sim/index.ts';

/**
 * Every observation `inner` is shown over a whole run of the registered scenario `scenario`
 * (as the host hands them to an in-thread controller), with `inner` deciding; `scan` asks for
 * the robots' range scans as a controller declaring it would.
 */
export async function recordObservations(
  inner: FleetController,
  scenario: string,
  options: { seed: number; overrides: ScenarioOverrides; scan?: { beams: number; rangeM: number } },
): Promise<FleetObservation[]> {
  const seen: FleetObservation[] = [];
  const spy: FleetController = {
    name: 'spy',
    ...(options.scan ? { scan: options.scan } : {}),
    reset: (i) => inner.reset?.(i),
    decide: (o) => (seen.push(o), inner.decide(o)),
  };
  const spec = findScenario(scenario);
  if (!spec) throw new Error(`no scenario ${scenario}`);
  const host = await SimHost.create(robotModels);
  try {
    host.load({ spec, controller: spy, seed: options.seed, overrides: options.overrides });
    host.runToEnd();
  } finally {
    host.dispose();
  }
  return seen;
}
