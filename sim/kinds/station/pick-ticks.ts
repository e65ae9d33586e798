import { ordersSpecOf } from './orders-spec.ts';
import type { SimModel } from '../../model/sim-model.ts';

/** Picker ticks per order line at a station: `orders.pickSecPerLine` in ticks, at least one. */
export function pickTicksPerLine(model: SimModel): number {
  return Math.max(1, Math.round(ordersSpecOf(model).pickSecPerLine * model.hz));
}
