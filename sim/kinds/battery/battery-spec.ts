import { z } from 'zod';

/**
 * The battery kind's spec section, `batteries`: with it robots drain by distance, load and idle
 * time, run flat (stranded) at 0 Wh, and charge at the layout's chargers (`C`). Without it the
 * robots' battery figures are bookkeeping only, as before.
 */
export const batteriesSpecSchema = z.strictObject({
  /** Usable capacity of every robot's battery (Wh); the robot model's when absent. */
  capacityWh: z.number().positive().max(100_000).optional(),
  /** State of charge at tick 0, spread evenly over the robots by id from `min` to `max` percent (default 100–100). */
  startSocPct: z.strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }).optional(),
  /** Extra draw while carrying, watts per kilogram of load per m/s (default 0.5: a 120 kg pod at 1.5 m/s draws 90 W more). */
  loadWPerKgMps: z.number().nonnegative().max(100).optional(),
  /** State of charge (percent) under which fleet controllers should send a robot to charge (default 30). */
  lowSocPct: z.number().min(0).max(100).optional(),
  /** State of charge (percent) up to which a robot charges before going back to work (default 90). */
  fullSocPct: z.number().min(1).max(100).optional(),
});

export type BatteriesSpec = z.infer<typeof batteriesSpecSchema>;
