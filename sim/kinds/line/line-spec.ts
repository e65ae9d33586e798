import { z } from 'zod';
import { distributionSchema } from '../../rng/distributions.ts';

const name = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'names are 1–40 letters, digits, _ or -');
/** Where a thing is drawn on the page, metres on the floor (optional: laid out in flow order otherwise). */
const position = z.strictObject({ xM: z.number().min(-1e4).max(1e4), zM: z.number().min(-1e4).max(1e4) });

/** A source: releases units of one product, every `interarrival` draw, or on demand (`interarrival` absent: a saturated line). */
const sourceSpecSchema = z.strictObject({
  name,
  /** Product type of the units released (setups happen on product change). */
  product: name.default('A'),
  /** Time between arrivals; absent: unlimited supply, a unit is there whenever a machine takes one. */
  interarrival: distributionSchema.optional(),
  /** Draws its units from this inbound line-side stand (`lineside.stands[].id`): a unit is there while the stand has parts, so late AMRs starve the line. */
  stand: name.optional(),
  /** Draws its units from the end of this conveyor (`conveyors[].id`): a unit is there while an item waits at the belt's end, and taking it takes the item off. */
  conveyor: z.string().min(1).max(64).optional(),
  /**
   * CONWIP release: a fixed number of cards in the loop. A unit is released (into the source's
   * queue) whenever fewer than `cards` of this source's units are in the line, so a unit reaching
   * the sink (or scrapped) releases the next at that instant.
   */
  conwip: z.strictObject({ cards: z.number().int().min(1).max(1e6) }).optional(),
  position: position.optional(),
});

/**
 * A buffer between machines: FIFO, `capacity` units (0: no buffer, the upstream machine hands a
 * finished unit straight to a waiting downstream machine). `blocking`: `after-service` (default:
 * a finished unit waits on its machine until there is room) or `before-service` (a machine starts
 * a unit only when a place downstream is free for it, and keeps that place reserved while it
 * works). `kanban: { cards }` is a kanban loop between the two stages: `cards` units at most in the
 * upstream machine and this buffer together (capacity `cards`, blocking before service).
 */
const bufferSpecSchema = z.strictObject({
  name,
  capacity: z.number().int().min(0).max(1e6).optional(),
  blocking: z.enum(['after-service', 'before-service']).optional(),
  kanban: z.strictObject({ cards: z.number().int().min(1).max(1e6) }).optional(),
  position: position.optional(),
});

/** Failures of a machine: time to failure and time to repair, and what the failure clock counts. */
const failureSpecSchema = z.strictObject({
  /** `time`: the clock runs in calendar time (in every state but down); `operations`: only while working. */
  basis: z.enum(['time', 'operations']),
  /** Time between failures (its mean is the MTBF): calendar or working seconds by `basis`. */
  timeToFailure: distributionSchema,
  /** Time to repair (its mean is the MTTR). */
  repair: distributionSchema,
});

/** Setups of a machine: when a unit of another product arrives and/or every N units. */
const setupSpecSchema = z.strictObject({
  time: distributionSchema,
  onProductChange: z.boolean().default(true),
  everyUnits: z.number().int().positive().max(1e9).optional(),
});

/** A machine: takes a unit from `from` (a source or buffer), works it, puts it into `to` (a buffer or sink). */
const machineSpecSchema = z.strictObject({
  name,
  /** A source or buffer, or the machine feeding this one directly (then that machine's `to` names this one). */
  from: name,
  /** A buffer or sink, or the next machine (direct transfer: a buffer of capacity 0 between them). */
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
  /** Warm-up, simulated seconds from the start: every line KPI covers only the time after it (the transient of a line started empty is left out). */
  warmupSec: z
    .number()
    .nonnegative()
    .max(7 * 24 * 3600)
    .optional(),
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
