import {
  checkScenario as checkWith,
  compileScenario as compileWith,
  validateScenario as validateWith,
  type CompileOutcome,
  type RobotModelCatalog,
} from '../compile/compile-scenario.ts';
import type { SpecIssue } from '../schema/spec-error.ts';
import type { KindRegistry } from '../kind/kind-registry.ts';
import { builtinKinds } from '../kinds/builtin-kinds.ts';
import type { SimModel } from '../model/sim-model.ts';

// The compiler knows no kinds: it is handed a registry. These are its entry points for hosts, with
// the built-in kinds unless a registry is given (a new kind joins through `kindsWith`).

/** Validates and compiles a scenario spec (see the compiler's `checkScenario`), built-in kinds by default. */
export function checkScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry = builtinKinds): CompileOutcome {
  return checkWith(input, catalog, kinds);
}

/**
 * Compiles a scenario spec into a frozen model, built-in kinds by default.
 * @throws ScenarioSpecError listing every problem as `field.path: reason`.
 */
export function compileScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry = builtinKinds): SimModel {
  return compileWith(input, catalog, kinds);
}

/** Every problem of a scenario spec (empty when it compiles), built-in kinds by default. */
export function validateScenario(input: unknown, catalog: RobotModelCatalog, kinds: KindRegistry = builtinKinds): SpecIssue[] {
  return validateWith(input, catalog, kinds);
}
