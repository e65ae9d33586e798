import { z } from 'zod';

const count = z.number().int().nonnegative().max(1e6);

/**
 * The line-side kind's spec section, `lineside`: stands at pick stations (`P` cells) where parts
 * wait for the line. A stand orders a tote of its SKU from storage (an order in the warehouse
 * order flow, fetched by the fleet) whenever its stock plus what is on order falls to the reorder
 * point (a kanban rule); unloading a delivered tote takes the orders' `pickSecPerLine`.
 */
export const linesideSpecSchema = z.strictObject({
  stands: z
    .array(
      z.strictObject({
        /** Name the line refers to (a source draws its parts from a stand by this name). */
        id: z.string().min(1).max(64),
        /** Which pick station serves the stand: index of a `P` cell in reading order. */
        station: count,
        /** SKU of the part; totes in storage holding it are fetched. */
        sku: count,
        /** Parts one delivered tote adds to the stand. */
        partsPerTote: z.number().int().positive().max(1e5),
        /** A tote is ordered when stock plus parts on order is at or below this. */
        reorderPoint: count,
        /** Parts on the stand at time zero. */
        initialStock: count,
        /** Totes that may be on order at once. */
        maxOnOrder: z.number().int().positive().max(100).default(1),
      }),
    )
    .min(1)
    .max(256),
});

/** The `lineside` section with defaults filled in. */
export type LinesideSpec = z.output<typeof linesideSpecSchema>;
export type StandSpec = LinesideSpec['stands'][number];
