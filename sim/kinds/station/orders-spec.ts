import { z } from 'zod';
import type { SimModel } from '../../model/sim-model.ts';

const positiveInt = z.number().int().positive();

/** Values of `orders.batching` (see {@link ordersSpecSchema}). */
const batchingSchema = z.enum(['until-lift', 'until-picked']);
/** How long a task accepts new order lines: `until-lift` (default) or `until-picked`. */
export type Batching = z.output<typeof batchingSchema>;

/** Values of `orders.stationChoice` (see {@link ordersSpecSchema}). */
const stationChoiceSchema = z.enum(['fewest-open-orders', 'pod-affinity']);
/** How a released order's station is chosen: `fewest-open-orders` (default) or `pod-affinity`. */
export type StationChoice = z.output<typeof stationChoiceSchema>;

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
  skew: z.strictObject({ fastSkuShare: z.number().gt(0).lt(1), fastDemandShare: z.number().gt(0).lt(1) }).default({ fastSkuShare: 0.2, fastDemandShare: 0.8 }),
  /** Orders already waiting at time zero. */
  backlog: z.number().int().nonnegative().default(0),
  /**
   * How long a task (one load presented at one station) accepts new order lines for its load and
   * station. `until-lift` (default): while it is open or assigned, so a line released after the
   * pod was lifted starts a second trip. `until-picked`: also while the pod is carried to the
   * station, queued there and being picked (the picker's time grows by `pickSecPerLine`), so the
   * line rides the trip already under way. Lines never join a task whose picks are done.
   */
  batching: batchingSchema.default('until-lift'),
  /**
   * Which station a released order goes to. `fewest-open-orders` (default): the station with the
   * fewest orders not yet delivered. `pod-affinity`: the station where loads holding most of the
   * order's SKUs are already headed (tasks that still accept lines, see `batching`), ties to the
   * station with the least pick work pending (lines of its tasks not yet picked), then fewest
   * open orders; an order that matches no pod goes by pick work pending alone.
   */
  stationChoice: stationChoiceSchema.default('fewest-open-orders'),
});

/** The order stream with defaults filled in. */
export type OrdersSpec = z.output<typeof ordersSpecSchema>;

/** The scenario's `orders` section as validated (the station kind's own section of the spec). */
export const ordersSpecOf = (model: Pick<SimModel, 'spec'>): OrdersSpec => model.spec.orders as OrdersSpec;
