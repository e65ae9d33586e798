import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** The station kind's spec section, `orders`: the order stream picked at goods-to-person stations. */
export const ordersSpecSchema = z.strictObject({
  /** Mean order arrivals per simulated hour (Poisson). */
  ratePerHour: z.number().nonnegative().max(1e6),
  /** Number of distinct SKUs stored in the loads. */
  skuCount: positiveInt.max(1e6),
  /** How many SKUs each pod or tote holds. */
  skusPerLoad: positiveInt.max(1000),
  linesPerOrder: z.strictObject({ min: positiveInt, max: positiveInt }),
  /** Picker time per order line at a station. */
  pickSecPerLine: z.number().positive().max(3600),
  /** Share of SKUs that are fast movers and the share of demand they take (ABC skew). */
  skew: z
    .strictObject({ fastSkuShare: z.number().gt(0).lt(1), fastDemandShare: z.number().gt(0).lt(1) })
    .default({ fastSkuShare: 0.2, fastDemandShare: 0.8 }),
  /** Orders already waiting at time zero. */
  backlog: z.number().int().nonnegative().default(0),
});

/** The order stream with defaults filled in. */
export type OrdersSpec = z.output<typeof ordersSpecSchema>;
