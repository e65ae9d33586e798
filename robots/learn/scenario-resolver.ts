import { findScenario, scenarioNames } from '../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../sim/index.ts';

/**
 * Turns the scenario a request names into its spec. The CLI (`bench gym serve | perf | train`)
 * passes bench's `resolveScenario`, which also reads and validates scenario files; the default,
 * {@link registeredScenario}, knows the registered ids only.
 */
export type ScenarioResolver = (name: string) => ScenarioSpecInput;

/**
 * A registered scenario by id (`warehouse/g2p-small`, newest version, or `warehouse/g2p-small@1`).
 * @throws Error naming the unknown id and listing the valid ones.
 */
export function registeredScenario(name: string): ScenarioSpecInput {
  const spec = findScenario(name);
  if (!spec) throw new Error(`unknown scenario "${name}"; valid scenarios: ${scenarioNames().join(', ')}`);
  return spec;
}
