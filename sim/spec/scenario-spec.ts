import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** A cell position in the ASCII layout: `row` counts from the top line, `col` from the left. */
export const cellRefSchema = z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() });

/**
 * Authored scenario: JSON-serialisable, versioned. `compileScenario` validates it and freezes a
 * `SimModel`. The layout legend is documented in README.md ("Layout format").
 */
export const scenarioSpecSchema = z.object({
  /** Versioned id, `family/name@version`, e.g. `warehouse/g2p-small@1`. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+@\d+$/, 'must look like family/name@version'),
  title: z.string().min(1),
  description: z.string().default(''),
  layout: z.object({
    /** ASCII rows, top (north, -z) first. Every row must have the same length. */
    rows: z.array(z.string()).min(2),
    /** Edge of one square cell. */
    cellM: z.number().positive().max(10),
  }),
  fleet: z
    .array(
      z.object({
        /** Robot model id from the robot model catalogue. */
        model: z.string().min(1),
        count: positiveInt.max(5000),
        /** Explicit spawn cells; when absent robots take the layout's `S` cells in reading order. */
        spawnCells: z.array(cellRefSchema).optional(),
      }),
    )
    .min(1),
  orders: z.object({
    /** Mean order arrivals per simulated hour (Poisson). */
    ratePerHour: z.number().nonnegative().max(1e6),
    /** Number of distinct SKUs stored in the loads. */
    skuCount: positiveInt.max(1e6),
    /** How many SKUs each pod or tote holds. */
    skusPerLoad: positiveInt.max(1000),
    linesPerOrder: z.object({ min: positiveInt, max: positiveInt }),
    /** Picker time per order line at a station. */
    pickSecPerLine: z.number().positive().max(3600),
    /** Share of SKUs that are fast movers and the share of demand they take (ABC skew). */
    skew: z
      .object({ fastSkuShare: z.number().gt(0).lt(1), fastDemandShare: z.number().gt(0).lt(1) })
      .default({ fastSkuShare: 0.2, fastDemandShare: 0.8 }),
    /** Orders already waiting at time zero. */
    backlog: z.number().int().nonnegative().default(0),
  }),
  physics: z
    .object({
      /** Ticks per simulated second (30-120). */
      hz: z.number().int().min(30).max(120),
      /** Controllers run every `controlEvery` ticks. */
      controlEvery: z.number().int().min(1).max(120),
    })
    .default({ hz: 30, controlEvery: 3 }),
  /** Simulated duration of an episode. */
  horizonSec: z.number().positive().max(7 * 24 * 3600),
  /** Seed used when the host does not give one. */
  seed: z.number().int().nonnegative().default(1),
  /** Scripted faults: a robot stops dead for a while (a bumper trip, a lost localisation). */
  faults: z
    .array(
      z.object({
        atSec: z.number().nonnegative(),
        kind: z.literal('robot.stall'),
        /** Robot index in fleet order. */
        robot: z.number().int().nonnegative(),
        durationSec: z.number().positive(),
      }),
    )
    .default([]),
});

/** Authored scenario (input form: defaults may be left out). */
export type ScenarioSpecInput = z.input<typeof scenarioSpecSchema>;
/** Authored scenario with defaults filled in. */
export type ScenarioSpec = z.output<typeof scenarioSpecSchema>;
/** Cell position in a layout. */
export type CellRef = z.infer<typeof cellRefSchema>;
