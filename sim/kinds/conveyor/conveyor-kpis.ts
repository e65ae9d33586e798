import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';
import './conveyor-events.ts';

interface PerConveyor {
  carried: number;
  transitSec: number;
  blockedSec: number;
  /** Tick a blocked spell began, or -1. */
  blockedFrom: number;
}

interface ConveyorKpiAcc {
  hz: number;
  by: Record<string, PerConveyor>;
}

const entry = (acc: ConveyorKpiAcc, name: string): PerConveyor => (acc.by[name] ??= { carried: 0, transitSec: 0, blockedSec: 0, blockedFrom: -1 });

/**
 * Per conveyor (keys `<id>.itemsCarried`, `<id>.meanTransitSec`, `<id>.blockedSec`) and in
 * total (`itemsCarried`, `blockedSec`): items that left the belt, their mean time on it, and the
 * time its front item stood at the end unable to leave (a spell still open counts up to now).
 */
export const conveyorKpis: KindKpis<ConveyorKpiAcc> = {
  meta: {
    thing: 'conveyor',
    figures: {
      itemsCarried: kpi.count('items carried on conveyors'),
      blockedSec: kpi.seconds('conveyors blocked', 'lower', { format: { digits: 0 }, detailOf: 'itemsCarried' }),
    },
    perThing: {
      itemsCarried: kpi.count('items carried', 'info', { hidden: true }),
      meanTransitSec: kpi.seconds('mean transit', 'lower', { hidden: true }),
      blockedSec: kpi.seconds('blocked', 'lower', { hidden: true }),
    },
  },
  create: (hz) => ({ hz, by: {} }),
  reduce(acc, e: SimEvent) {
    if (e.type === 'conveyor.exited') {
      const c = entry(acc, e.conveyor);
      c.carried += 1;
      c.transitSec += e.transitSec;
    } else if (e.type === 'conveyor.blocked') {
      entry(acc, e.conveyor).blockedFrom = e.tick;
    } else if (e.type === 'conveyor.unblocked') {
      const c = entry(acc, e.conveyor);
      c.blockedSec += e.blockedSec;
      c.blockedFrom = -1;
    }
  },
  finalize(acc, simulatedSec) {
    const out: Record<string, number> = {};
    let carried = 0;
    let blocked = 0;
    for (const name of Object.keys(acc.by).sort()) {
      const c = acc.by[name]!;
      const open = c.blockedFrom >= 0 ? Math.max(0, simulatedSec - c.blockedFrom / acc.hz) : 0;
      out[`${name}.itemsCarried`] = c.carried;
      out[`${name}.meanTransitSec`] = c.carried > 0 ? c.transitSec / c.carried : 0;
      out[`${name}.blockedSec`] = c.blockedSec + open;
      carried += c.carried;
      blocked += c.blockedSec + open;
    }
    out.itemsCarried = carried;
    out.blockedSec = blocked;
    return out;
  },
};
