declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A stand ordered a tote of its part (order `order` in the warehouse order flow). */
    'lineside.ordered': { stand: number; order: number; stock: number };
    /** A tote was unloaded at the stand: `leadSec` since it was ordered, `latenessSec` the line waited for it (0 if stock never ran out). */
    'lineside.delivered': { stand: number; order: number; leadSec: number; latenessSec: number; stock: number };
    /** An inbound stand ran out of parts while the line wanted one. */
    'lineside.empty': { stand: number };
    /** An outbound stand was full while the line had a unit for it. */
    'lineside.full': { stand: number };
  }
}
export {};
