import { z } from 'zod';
import type { KindRegistry } from '../kind/kind-registry.ts';
import { buildScenarioSchema } from '../schema/scenario-spec.ts';

const schemas = new WeakMap<KindRegistry, ReturnType<typeof buildScenarioSchema>>();

/** The zod schema of a scenario with the given kinds: core fields, kinds' sections, their scripted events. */
export function scenarioSchemaFor(kinds: KindRegistry): ReturnType<typeof buildScenarioSchema> {
  let schema = schemas.get(kinds);
  if (!schema) {
    const sections = kinds.kinds.flatMap((k) => (k.spec ? [k.spec] : []));
    const events = [...kinds.scripted.values()].map((s) => s.handler.schema);
    schemas.set(kinds, (schema = buildScenarioSchema(sections, events)));
  }
  return schema;
}

/**
 * The JSON Schema (draft 2020-12) of a scenario file with the given kinds, generated from the
 * zod schema, so editors autocomplete and check scenario files. Fields with defaults are optional.
 */
export function scenarioJsonSchemaFor(kinds: KindRegistry): Record<string, unknown> {
  const json = z.toJSONSchema(scenarioSchemaFor(kinds), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...json,
    title: 'Testfield scenario',
    description: 'A Testfield scenario: layout, things of each kind, order stream, scripted events, physics and horizon.',
  };
}
