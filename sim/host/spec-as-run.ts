import type { ScenarioSpecInput } from '../kinds/builtin-spec.ts';
import type { SimModel } from '../model/sim-model.ts';

/** The spec a model was compiled from, as a scenario file holds it (for replays, live scenes, exports). */
export function specAsRun(model: SimModel): ScenarioSpecInput {
  // The compiler validated it against the schema of exactly these sections; it is a file's content.
  return model.spec as ScenarioSpecInput;
}
