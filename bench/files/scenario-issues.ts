import { robotModels } from '../../robots/index.ts';
import { compileScenario, ScenarioSpecError, type SpecIssue } from '../../sim/index.ts';

/**
 * Every problem of a scenario input as `{ path, message }` (empty when it is valid), checked
 * against the robot models of `robots/`.
 */
export function scenarioIssues(input: unknown): SpecIssue[] {
  try {
    compileScenario(input, robotModels);
    return [];
  } catch (error) {
    if (error instanceof ScenarioSpecError) return [...error.issues];
    throw error;
  }
}
