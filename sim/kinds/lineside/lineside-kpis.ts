import { kpi } from '../../kind/kpi-meta.ts';
import type { KindKpis } from '../../kind/kind-def.ts';
import './lineside-events.ts';

interface LinesideAcc {
  hz: number;
  deliveries: number;
  leadSecSum: number;
  lateDeliveries: number;
  latenessSecSum: number;
  latenessSecMax: number;
  /** Per stand: tick it ran empty (or -1) and ticks spent empty so far. */
  emptySince: Map<number, number>;
  emptyTicks: number;
  lastTick: number;
}

/**
 * Line-side KPIs: totes delivered, mean lead time (ordered → unloaded), deliveries the line had to
 * wait for and by how long (AMR delivery lateness), and stand-seconds the line waited at an empty
 * inbound or a full outbound stand (starved or blocked by logistics).
 */
export const linesideKpis: KindKpis<LinesideAcc> = {
  meta: {
    figures: {
      totesDelivered: kpi.count('line-side totes delivered or shipped'),
      meanLeadSec: kpi.seconds('line-side lead time mean'),
      lateDeliveries: kpi.count('late AMR deliveries', 'lower'),
      meanLatenessSec: kpi.seconds('mean lateness', 'lower', { detailOf: 'lateDeliveries' }),
      maxLatenessSec: kpi.seconds('max', 'lower', { detailOf: 'lateDeliveries' }),
      standWaitSec: kpi.seconds('line waited at empty or full stands', 'lower', { format: { digits: 0 } }),
    },
  },
  create: (hz) => ({
    hz,
    deliveries: 0,
    leadSecSum: 0,
    lateDeliveries: 0,
    latenessSecSum: 0,
    latenessSecMax: 0,
    emptySince: new Map(),
    emptyTicks: 0,
    lastTick: 0,
  }),
  reduce(acc, e) {
    acc.lastTick = Math.max(acc.lastTick, e.tick);
    if (e.type === 'lineside.empty' || e.type === 'lineside.full') acc.emptySince.set(e.stand, e.tick);
    else if (e.type === 'lineside.delivered') {
      acc.deliveries += 1;
      acc.leadSecSum += e.leadSec;
      if (e.latenessSec > 0) {
        acc.lateDeliveries += 1;
        acc.latenessSecSum += e.latenessSec;
        acc.latenessSecMax = Math.max(acc.latenessSecMax, e.latenessSec);
      }
      const since = acc.emptySince.get(e.stand);
      if (since !== undefined) {
        acc.emptyTicks += e.tick - since;
        acc.emptySince.delete(e.stand);
      }
    }
  },
  finalize(acc, simulatedSec) {
    let emptySec = acc.emptyTicks / acc.hz;
    for (const since of acc.emptySince.values()) emptySec += Math.max(0, simulatedSec - since / acc.hz);
    return {
      totesDelivered: acc.deliveries,
      meanLeadSec: acc.deliveries > 0 ? acc.leadSecSum / acc.deliveries : 0,
      lateDeliveries: acc.lateDeliveries,
      meanLatenessSec: acc.lateDeliveries > 0 ? acc.latenessSecSum / acc.lateDeliveries : 0,
      maxLatenessSec: acc.latenessSecMax,
      standWaitSec: emptySec,
    };
  },
};
