import { controllers } from '../robots/index.ts';
import { findScenario, scenarioNames } from '../scenarios/index.ts';
import type { ControllerFactory, ScenarioSpecInput } from '../sim/index.ts';

/** A usage or input error: the CLI prints its message on one line and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The scenario named on the command line, or a UsageError listing the valid names. */
export function resolveScenario(name: string): ScenarioSpecInput {
  const spec = findScenario(name);
  if (!spec) throw new UsageError(`unknown scenario "${name}"; valid scenarios: ${scenarioNames().join(', ')}`);
  return spec;
}

/** The controller factory named on the command line, or a UsageError listing the valid names. */
export function resolveController(name: string): ControllerFactory {
  const factory = controllers[name];
  if (!factory) throw new UsageError(`unknown controller "${name}"; valid controllers: ${Object.keys(controllers).sort().join(', ')}`);
  return factory;
}
