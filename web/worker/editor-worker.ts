/**
 * The layout editor's checking worker (`web/editor/`): validates the drawn scenario with the simulation's own
 * `validateScenario` against the robot models of `robots/` (what `bench validate` runs), and hands
 * out the authored specs of registered scenarios. A worker of its own, so checking as you draw
 * never waits for the simulation worker, and the page's main bundle never carries the compiler.
 */
import * as Comlink from 'comlink';
import { hostCatalog, robotModels } from '../../robots/index.ts';
import { findScenario, scenarios } from '../../scenarios/index.ts';
import { LAYOUT_LEGEND, validateScenario } from '../../sim/index.ts';
import type { EditorWorkerApi } from '../editor/editor-worker-api.ts';

const api: EditorWorkerApi = {
  catalog: () =>
    Promise.resolve({
      scenarios: Object.keys(scenarios).map((id) => id.split('@')[0]!),
      robotModels: Object.keys(robotModels),
      layoutLegend: Object.fromEntries(Object.entries(LAYOUT_LEGEND).map(([ch, e]) => [ch, e.meaning])),
    }),
  specOf: (id) => Promise.resolve(structuredClone(findScenario(id) ?? null)),
  check: (spec) => Promise.resolve(validateScenario(spec, hostCatalog)),
};

Comlink.expose(api);
