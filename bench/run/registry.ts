import { findScenario, scenarioNames } from '../../scenarios/index.ts';
import { ScenarioSpecError, type ScenarioSpecInput } from '../../sim/index.ts';
import { isScenarioFile, readScenarioFile } from './files/scenario-file.ts';
import { scenarioIssues } from './files/scenario-issues.ts';
import { UsageError } from './usage-error.ts';

/**
 * The scenario a command names: a registered id (`warehouse/g2p-small`, newest version, or
 * `warehouse/g2p-small@1`) or a scenario JSON file (see {@link isScenarioFile}), resolved
 * against `baseDir` (the working directory unless given; suites pass their own folder). A file is
 * validated here, so every command reports a bad one the same way, before running anything.
 * @throws UsageError for an unknown id (listing the valid ones) or an unreadable / malformed file.
 * @throws ScenarioSpecError listing every problem of an invalid scenario file.
 */
export function resolveScenario(name: string, baseDir: string = process.cwd()): ScenarioSpecInput {
  if (!isScenarioFile(name, baseDir)) return registeredScenario(name);
  const { raw, shown } = readScenarioFile(name, baseDir);
  const issues = scenarioIssues(raw);
  if (issues.length > 0) throw new ScenarioSpecError(shown, issues);
  return raw as ScenarioSpecInput;
}

/**
 * The scenario a command names, as it stands and unvalidated: a registered spec, or the parsed
 * JSON of a scenario file (for `bench validate`, which reports the problems itself).
 * @throws UsageError for an unknown id or an unreadable / malformed file.
 */
export function readScenarioInput(name: string, baseDir: string = process.cwd()): { input: unknown; shown: string } {
  if (!isScenarioFile(name, baseDir)) return { input: registeredScenario(name), shown: name };
  const { raw, shown } = readScenarioFile(name, baseDir);
  return { input: raw, shown };
}

function registeredScenario(name: string): ScenarioSpecInput {
  const spec = findScenario(name);
  if (!spec) throw new UsageError(`unknown scenario "${name}"; valid scenarios: ${scenarioNames().join(', ')} (or a path to a scenario .json file)`);
  return spec;
}
