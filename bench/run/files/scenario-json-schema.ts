import { scenarioJsonSchema } from '../../../sim/index.ts';

/** The committed JSON Schema of scenario files, beside the scenarios (`scenarios/scenario.schema.json`). */
export const SCENARIO_SCHEMA_FILE = new URL('../../../scenarios/scenario.schema.json', import.meta.url);

/** The JSON Schema of a scenario file (from the sim's spec), as the committed file holds it: 2-space JSON and a trailing newline. */
export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
