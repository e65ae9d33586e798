import { z, type ZodType } from 'zod';
import { DEFAULT_SEED } from './seeds.ts';

/** Longest layout side, cells (the largest League of Robot Runners map is 1,912). */
export const MAX_LAYOUT_SIDE_CELLS = 4096;
/** Most cells a layout may have (a 2,000 × 2,000 floor), checked before anything is allocated for it. */
export const MAX_LAYOUT_CELLS = 4_000_000;
/** Smallest cell edge, metres. */
const MIN_CELL_M = 0.1;

/** A cell position in the ASCII layout: `row` counts from the top line, `col` from the left. */
export const cellRefSchema = z.strictObject({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() });

/** A kind's section of the scenario: a top-level key and its schema (see `KindDef.spec`). */
export interface SpecSection {
  readonly key: string;
  readonly schema: ZodType;
  readonly required?: boolean;
  readonly description?: string;
}

/** Fields every scenario has, whatever kinds of things it holds. */
const coreShape = {
  /** JSON Schema reference for editors; ignored by the sim. */
  $schema: z.string().optional(),
  /** Versioned id, `family/name@version`, e.g. `warehouse/g2p-small@1`. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+@\d+$/, 'must look like family/name@version'),
  title: z.string().min(1),
  description: z.string().default(''),
  /** What the scenario stresses, one line (shown by `bench list`). */
  stresses: z.string().default(''),
  /** The floor. Optional for a purely logical production line (then a bare walled floor around the line's drawing positions). */
  layout: z
    .strictObject({
      /** ASCII rows, top (north, -z) first. Every row must have the same length. */
      rows: z
        .array(z.string().max(MAX_LAYOUT_SIDE_CELLS, `at most ${MAX_LAYOUT_SIDE_CELLS} cells a row`))
        .min(2)
        .max(MAX_LAYOUT_SIDE_CELLS, `at most ${MAX_LAYOUT_SIDE_CELLS} rows`),
      /** Edge of one square cell, metres. */
      cellM: z.number().min(MIN_CELL_M, `at least ${MIN_CELL_M} m (a cell holds a robot)`).max(10),
    })
    .refine((layout) => layout.rows.reduce((n, row) => n + row.length, 0) <= MAX_LAYOUT_CELLS, {
      message: `at most ${MAX_LAYOUT_CELLS.toLocaleString('en')} cells in all`,
      path: ['rows'],
    })
    .optional(),
  physics: z
    .strictObject({
      /** Ticks per simulated second (30-120). */
      hz: z.number().int().min(30).max(120),
      /** Controllers run every `controlEvery` ticks. */
      controlEvery: z.number().int().min(1).max(120),
    })
    .default({ hz: 30, controlEvery: 3 }),
  /** Simulated duration of an episode. */
  horizonSec: z
    .number()
    .positive()
    .max(7 * 24 * 3600),
  /** Seed used when the host does not give one. */
  seed: z.number().int().nonnegative().default(DEFAULT_SEED),
};

/**
 * The schema of a scenario file: the core fields, one section per kind of thing, and the
 * scripted-event timeline `events: [{ atSec, kind, … }]` whose entries are the schemas of the
 * kinds' scripted handlers. Every object is strict: an unknown key is an error.
 */
export function buildScenarioSchema(sections: readonly SpecSection[], eventSchemas: readonly ZodType[]) {
  const shape: Record<string, ZodType> = { ...coreShape };
  for (const section of sections) {
    if (shape[section.key]) throw new Error(`spec key "${section.key}" is declared twice`);
    let schema = section.required ? section.schema : section.schema.optional();
    if (section.description) schema = schema.describe(section.description);
    shape[section.key] = schema;
  }
  const event = eventSchemas.length === 0 ? z.never() : z.discriminatedUnion('kind', eventSchemas as unknown as [z.ZodObject, ...z.ZodObject[]]);
  shape.events = z.array(event).default([]).describe('Scripted events, fired at round(atSec × hz): faults, stalls, blocked aisles …');
  return z.strictObject(shape);
}

/** The fields of an authored spec every kind may read (its own section is `spec[key]`). */
export interface ScenarioSpecCore {
  $schema?: string;
  id: string;
  title: string;
  description: string;
  stresses: string;
  layout: { rows: string[]; cellM: number };
  physics: { hz: number; controlEvery: number };
  horizonSec: number;
  seed: number;
  events: Array<{ atSec: number; kind: string } & Record<string, unknown>>;
}
