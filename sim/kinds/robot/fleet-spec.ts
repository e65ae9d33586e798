import { z } from 'zod';
import { cellRefSchema } from '../../schema/scenario-spec.ts';

/** The robot kind's spec section, `fleet`: robot models, counts and where they spawn. */
export const fleetSpecSchema = z
  .array(
    z.strictObject({
      /** Robot model id from the robot model catalogue. */
      model: z.string().min(1),
      count: z.number().int().positive().max(5000),
      /** Explicit spawn cells; when absent robots take the layout's `S` cells in reading order. */
      spawnCells: z.array(cellRefSchema).optional(),
    }),
  )
  .min(1);

/** One fleet entry as authored. */
export type FleetEntrySpec = z.infer<typeof fleetSpecSchema>[number];
