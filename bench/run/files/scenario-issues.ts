import { hostCatalog } from '../../../robots/index.ts';
import { validateScenario, type SpecIssue } from '../../../sim/index.ts';

/**
 * Every problem of a scenario input as `{ path, message }` (empty when it is valid), checked by
 * the sim's `validateScenario` against the robot models of `robots/`.
 */
export function scenarioIssues(input: unknown): SpecIssue[] {
  return validateScenario(input, hostCatalog);
}
