import { z } from 'zod';
import { distributionSchema } from '../../rng/distributions.ts';

const name = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'names are 1–40 letters, digits, _ or -');
/** Where a thing is drawn on the page, metres on the floor (optional: laid out in flow order otherwise). */
const position = z.strictObject({ xM: z.number().min(-1e4).max(1e4), zM: z.number().min(-1e4).max(1e4) });

/** A source: releases units of one product, every `interarrival` draw, or on demand (`interarrival` absent: a saturated line). */
export const sourceSpecSchema = z.strictObject({
  name,
  /** Product type of the units released (setups happen on product change). */
  product: name.default('A'),
  /** Time between arrivals; absent: unlimited supply, a unit is there whenever a machine takes one. */
  interarrival: distributionSchema.optional(),
  /** Draws its units from this inbound line-side stand (`lineside.stands[].id`): a unit is there while the stand has parts, so late AMRs starve the line. */
  stand: name.optional(),
  /** Draws its units from the end of this conveyor (`conveyors[].id`): a unit is there while an item waits at the belt's end, and taking it takes the item off. */
  conveyor: z.string().min(1).max(64).optional(),
  position: position.optional(),
});

/** A buffer between machines: FIFO, `capacity` units; blocking after service (see README). */
export const bufferSpecSchema = z.strictObject({ name, capacity: z.number().int().min(1).max(1e6), position: position.optional() });

/** Failures of a machine: time to failure and time to repair, and what the failure clock counts. */
export const failureSpecSchema = z.strictObject({
  /** `time`: the clock runs in calendar time (in every state but down); `operations`: only while working. */
  basis: z.enum(['time', 'operations']),
  /** Time between failures (its mean is the MTBF): calendar or working seconds by `basis`. */
  timeToFailure: distributionSchema,
  /** Time to repair (its mean is the MTTR). */
  repair: distributionSchema,
});

/** Setups of a machine: when a unit of another product arrives and/or every N units. */
export const setupSpecSchema = z.strictObject({
  time: distributionSchema,
  onProductChange: z.boolean().default(true),
  everyUnits: z.number().int().positive().max(1e9).optional(),
});

/** A machine: takes a unit from `from` (a source or buffer), works it, puts it into `to` (a buffer or sink). */
export const machineSpecSchema = z.strictObject({
  name,
  from: name,
  to: name,
  /** Processing time per unit. */
  process: distributionSchema,
  failure: failureSpecSchema.optional(),
  setup: setupSpecSchema.optional(),
  /** Probability that a processed unit is scrapped (leaves the line, counts against quality). */
  scrapProbability: z.number().min(0).max(1).default(0),
  position: position.optional(),
});

/**
 * The `line` section: a production line of named sources, machines, buffers and sinks joined by
 * name (`from`/`to`). Purely logical: no conveyor, no bodies; units move at exact event times.
 */
export const lineSpecSchema = z.strictObject({
  sources: z.array(sourceSpecSchema).min(1).max(1000),
  machines: z.array(machineSpecSchema).min(1).max(1000),
  buffers: z.array(bufferSpecSchema).max(1000).default([]),
  sinks: z
    .array(
      z.strictObject({
        name,
        /** Puts finished units on this outbound line-side stand (`lineside.stands[].id`): AMRs take them away, and a full stand blocks the line. */
        stand: name.optional(),
        /** Puts finished units on the start of this conveyor (`conveyors[].id`) as items of `itemType`: a full belt start blocks the line. */
        conveyor: z.string().min(1).max(64).optional(),
        /** The item type a unit becomes on the conveyor (`items.types[].id`). */
        itemType: z.string().min(1).max(64).optional(),
        position: position.optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/** The `line` section with defaults filled in. */
export type LineSpec = z.output<typeof lineSpecSchema>;
/** One machine as authored (defaults filled in). */
export type MachineSpec = z.output<typeof machineSpecSchema>;
