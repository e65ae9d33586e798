import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';

interface BatteryAcc {
  sampled: boolean;
  downtimeSec: number;
  stranded: number;
  minSocPct: number;
  charges: number;
  chargedWh: number;
}

/**
 * Battery KPIs: `chargeDowntimeSec` (robot-seconds queued at or docked on a charger),
 * `robotsStranded`, `charges` (sessions started), `chargedWh`, `minSocPct` (lowest state of charge
 * seen at a sample). Empty when the scenario has no `batteries` section.
 */
export const batteryKpis: KindKpis<BatteryAcc> = {
  meta: {
    figures: {
      chargeDowntimeSec: kpi.seconds('charge downtime', 'lower', { format: { digits: 0 } }),
      robotsStranded: kpi.count('robots stranded', 'lower'),
      charges: kpi.count('charges'),
      chargedWh: kpi.amount('charged', 'Wh', 0, 'info', { detailOf: 'charges' }),
      minSocPct: kpi.amount('min state of charge', '%', 1, 'higher'),
    },
  },
  create: () => ({ sampled: false, downtimeSec: 0, stranded: 0, minSocPct: 100, charges: 0, chargedWh: 0 }),
  reduce(acc, e: SimEvent) {
    if (e.type === 'battery.sampled') {
      acc.sampled = true;
      acc.downtimeSec = e.downtimeSec;
      acc.stranded = e.stranded;
      acc.minSocPct = Math.min(acc.minSocPct, e.minSocPct);
    } else if (e.type === 'charge.started') {
      acc.charges += 1;
    } else if (e.type === 'charge.ended') {
      acc.chargedWh += e.chargedWh;
    }
  },
  finalize(acc): Record<string, number> {
    if (!acc.sampled) return {};
    return {
      chargeDowntimeSec: Math.round(acc.downtimeSec * 100) / 100,
      robotsStranded: acc.stranded,
      charges: acc.charges,
      chargedWh: Math.round(acc.chargedWh * 100) / 100,
      minSocPct: acc.minSocPct,
    };
  },
};
