import { z } from 'zod';

const planePoint = z.strictObject({ x: z.number().min(-1e4).max(1e4), z: z.number().min(-1e4).max(1e4) });

/**
 * A belt's centre line in world metres: `{ from, to }` for a straight run, or
 * `{ center, radiusM, startDeg, sweepDeg }` for an arc (angles from +x toward north; a positive
 * sweep turns left, counter-clockwise seen from above).
 */
const conveyorPathSchema = z.strictObject({
  from: planePoint.optional(),
  to: planePoint.optional(),
  center: planePoint.optional(),
  radiusM: z.number().positive().max(100).optional(),
  startDeg: z.number().min(-720).max(720).optional(),
  sweepDeg: z.number().min(-360).max(360).optional(),
});

/** One conveyor segment. */
const conveyorSpecSchema = z.strictObject({
  /** Name transfers and events use (`C1`). */
  id: z.string().min(1).max(64),
  path: conveyorPathSchema,
  widthM: z.number().min(0.05).max(3),
  /** Height of the belt's top surface above the floor. */
  heightM: z.number().min(0.05).max(3),
  speedMps: z.number().positive().max(5),
  /** `forward` carries items from the path's start to its end, `reverse` the other way. */
  direction: z.enum(['forward', 'reverse']).default('forward'),
  /** Accumulating: items queue behind a blocked one, the belt keeps running; else the whole belt stops. */
  accumulating: z.boolean().default(true),
  /** Gap kept between queued items, metres. */
  gapM: z.number().nonnegative().max(2).default(0.05),
  /** Photo-eyes, metres from the start in the travel direction. */
  photoEyes: z.array(z.number().nonnegative()).default([]),
  /** The conveyor this one's end feeds: a transfer onto its start, or a merge at `atM` along it. */
  feeds: z.union([z.string().min(1), z.strictObject({ conveyor: z.string().min(1), atM: z.number().nonnegative() })]).optional(),
});

export const conveyorsSpecSchema = z.array(conveyorSpecSchema);

export type ConveyorSpec = z.output<typeof conveyorSpecSchema>;
