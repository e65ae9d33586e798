/**
 * Scenario registry: authored, versioned `ScenarioSpec`s by id. Depends only on `sim/`.
 */
import type { ScenarioSpecInput } from '../sim/index.ts';
import { assemblyLine } from './production/assembly-line.ts';
import { flowLine } from './production/flow-line.ts';
import { g2pLarge } from './warehouse/g2p-large.ts';
import { g2pMedium } from './warehouse/g2p-medium.ts';
import { g2pMediumBatched } from './warehouse/g2p-medium-batched.ts';
import { g2pSmall } from './warehouse/g2p-small.ts';
import { mixedFloor } from './warehouse/mixed-floor.ts';
import { nightShift } from './warehouse/night-shift.ts';
import { sortation } from './warehouse/sortation.ts';
import { toteToPerson } from './warehouse/tote-to-person.ts';

export { G2P_SMALL_LAYOUT } from './layouts/g2p-small-floor.ts';
export { generateG2pScenario, g2pLayoutName, maxStations, type G2pScenarioParams } from './generators/g2p-scenario.ts';
export { buildG2pFloor, type G2pFloorParams } from './layouts/g2p-floor.ts';
export { generateFlowLine, type FlowLineParams, type FlowLineStation } from './generators/flow-line-scenario.ts';
export { buildWarehouseFloor, type WarehouseFloor, type WarehouseFloorParams } from './layouts/warehouse-floor.ts';
export { buildSortationFloor, type SortationFloor, type SortationFloorParams } from './layouts/sortation-floor.ts';
export { generateWarehouseScenario, type WarehouseScenarioParams } from './generators/warehouse-scenario.ts';
export { importScenario, importMovingAiMap } from './import/import-scenario.ts';
export {
  importLorrProblem,
  readLorrProblem,
  resolveRelative,
  type ImportOptions,
  type ReadText,
  type ImportedLorrProblem,
  type LorrProblemInfo,
} from './import/lorr-problem.ts';
export { parseLorrDelayConfig, type LorrDelayConfig, type LorrEventModel, type LorrDurationModel } from './import/lorr-delay-config.ts';
export { lorrDelaySchedule, type LorrDelay } from './import/lorr-delay-schedule.ts';
export { scenarioIdName } from './import/scenario-id.ts';
export { parseMovingAiMap, type MovingAiGrid } from './import/movingai-map.ts';
export { ImportError, formatImportIssue, type ImportIssue } from './import/import-error.ts';
export { generateSortationScenario, type SortationScenarioParams } from './generators/sortation-scenario.ts';

/** Every registered scenario, keyed by its full versioned id. */
export const scenarios: Readonly<Record<string, ScenarioSpecInput>> = Object.freeze({
  [g2pSmall.id]: g2pSmall,
  [g2pMedium.id]: g2pMedium,
  [g2pMediumBatched.id]: g2pMediumBatched,
  [g2pLarge.id]: g2pLarge,
  [mixedFloor.id]: mixedFloor,
  [nightShift.id]: nightShift,
  [flowLine.id]: flowLine,
  [assemblyLine.id]: assemblyLine,
  [toteToPerson.id]: toteToPerson,
  [sortation.id]: sortation,
});

export { DEFAULT_SCENARIO } from './default-scenario.ts';

/**
 * Finds a scenario by `family/name` (newest version) or `family/name@version`.
 * Returns undefined when there is none.
 */
export function findScenario(id: string): ScenarioSpecInput | undefined {
  if (scenarios[id]) return scenarios[id];
  const matches = Object.keys(scenarios)
    .filter((key) => key.split('@')[0] === id)
    .sort((a, b) => Number(b.split('@')[1]) - Number(a.split('@')[1]));
  return matches[0] ? scenarios[matches[0]] : undefined;
}

/** Scenario names as users type them (`family/name`), sorted. */
export function scenarioNames(): string[] {
  return [...new Set(Object.keys(scenarios).map((k) => k.split('@')[0]!))].sort();
}
