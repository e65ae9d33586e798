import { z } from 'zod';

/** The charger kind's spec section, `chargers` (optional; chargers exist when `batteries` is on). */
export const chargersSpecSchema = z.strictObject({
  /** Charging power of every charger (W); each robot model's `chargeW` when absent. */
  powerW: z.number().positive().max(100_000).optional(),
  /** Robots one charger accepts at once: the one charging plus those queued for it (default 3). */
  queueCapacity: z.number().int().min(1).max(100).optional(),
});

export type ChargersSpec = z.infer<typeof chargersSpecSchema>;
