import { z } from 'zod';

/** Where an arm stands: its base on the floor plan, mounted at `yM`, facing `yawDeg` (counter-clockwise from +x, seen from above). */
const armBaseSchema = z.strictObject({
  xM: z.number(),
  yM: z.number().nonnegative().default(0),
  zM: z.number(),
  yawDeg: z.number().default(0),
});

/** One arm of the scenario's `arms` section. */
const armEntrySchema = z.strictObject({
  /** A name for events and the page (defaults to `arm<i>`). */
  name: z.string().min(1).optional(),
  /** Arm model id from the host's catalogue (`ur5e`, `epson-g6-453s`, …). */
  model: z.string().min(1),
  base: armBaseSchema,
  tool: z.enum(['suction', 'parallel-jaw']),
  /** Starting joints in degrees (metres for a SCARA's J3); all zero unless given. */
  homeDeg: z.array(z.number()).min(4).max(6).optional(),
  /** Where the built-in pick-and-place cell controller puts things: surface points (e.g. a pallet's slots). */
  placeSlots: z.array(z.strictObject({ xM: z.number(), yM: z.number(), zM: z.number(), yawDeg: z.number().default(0) })).default([]),
  /** Limits of straight-line (moveL) moves. */
  linear: z
    .strictObject({
      speedMps: z.number().positive().default(0.5),
      accelMps2: z.number().positive().default(2),
      turnDegPerSec: z.number().positive().default(180),
      turnAccelDegPerSec2: z.number().positive().default(720),
    })
    .default({ speedMps: 0.5, accelMps2: 2, turnDegPerSec: 180, turnAccelDegPerSec2: 720 }),
});

/** The `arms` section: robot arms with grippers (pick-and-place cells). */
export const armsSpecSchema = z.array(armEntrySchema);

export type ArmEntrySpec = z.output<typeof armEntrySchema>;
export type ArmsSpec = z.output<typeof armsSpecSchema>;
