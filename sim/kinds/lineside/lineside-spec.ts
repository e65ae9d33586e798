import { z } from 'zod';

const count = z.number().int().nonnegative().max(1e6);

/**
 * The line-side kind's spec section, `lineside`: stands at pick stations (`P` cells) between the
 * fleet and a production line. An **inbound** stand (`direction: 'in'`) keeps parts for the line:
 * it orders a tote of its SKU from storage (an order in the warehouse order flow, fetched by the
 * fleet) whenever its stock plus what is on order falls to the reorder point (a kanban rule), and
 * unloading a delivered tote (the orders' `pickSecPerLine`) adds `partsPerTote` parts. An
 * **outbound** stand (`direction: 'out'`) takes the line's finished units: once a tote's worth
 * waits, it orders a tote, loading it takes them away, and a full stand (`capacity`) blocks the line.
 */
export const linesideSpecSchema = z.strictObject({
  stands: z
    .array(
      z.strictObject({
        /** Name the line refers to (a source draws its parts from a stand by this name). */
        id: z.string().min(1).max(64),
        /** `in`: parts delivered to the line; `out`: finished units taken away. */
        direction: z.enum(['in', 'out']).default('in'),
        /** Which pick station serves the stand: index of a `P` cell in reading order. */
        station: count,
        /** SKU of the part; totes in storage holding it are fetched. */
        sku: count,
        /** Parts one delivered tote adds to the stand. */
        partsPerTote: z.number().int().positive().max(1e5),
        /** Inbound: a tote is ordered when stock plus parts on order is at or below this (default: one tote's worth, a two-bin kanban). */
        reorderPoint: count.optional(),
        /** Parts (inbound) or finished units (outbound) on the stand at time zero. */
        initialStock: count.default(0),
        /** Outbound: units the stand can hold; the line blocks when it is full (default: two totes' worth). */
        capacity: z.number().int().positive().max(1e6).optional(),
        /** Totes that may be on order at once. */
        maxOnOrder: z.number().int().positive().max(100).default(1),
        /**
         * A table at the stand, its top centre in metres (`yM` its height). Inbound: the stand's parts
         * are presented on it one at a time as items of `itemType`, for an arm to pick. Outbound: items
         * an arm puts down on it become the stand's finished units (while the stand has room).
         */
        table: z
          .strictObject({
            xM: z.number().min(-1e4).max(1e4),
            yM: z.number().min(0.05).max(5),
            zM: z.number().min(-1e4).max(1e4),
            sizeXM: z.number().min(0.1).max(5).default(0.6),
            sizeZM: z.number().min(0.1).max(5).default(0.6),
            itemType: z.string().min(1).max(64).optional(),
          })
          .optional(),
      }),
    )
    .min(1)
    .max(256),
});

/** The `lineside` section with defaults filled in. */
export type LinesideSpec = z.output<typeof linesideSpecSchema>;
export type StandSpec = LinesideSpec['stands'][number];
