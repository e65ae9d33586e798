import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';

interface FaultAcc {
  byKind: Record<string, number>;
  robotDownSec: number;
  ended: number;
}

/** `robot.breakdown` → `robotBreakdown`: KPI names of fault kinds. */
function kpiName(kind: string): string {
  return kind.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * The fault section of the KPIs: how many faults of each kind were injected (`robotBreakdown`,
 * `robotStall`, `nodeBlock`, `itemDrop`, `stationClose`, `commandLatency`, `observationNoise`),
 * robot-seconds of downtime they scheduled (`robotDownSec`) and how many non-robot faults ended.
 * Empty when nothing failed.
 */
export const faultKpis: KindKpis<FaultAcc> = {
  meta: {
    figures: {
      total: kpi.count('faults injected'),
      robotDownSec: kpi.seconds('robot downtime scheduled by faults', 'info', { format: { digits: 0 } }),
      ended: kpi.count('ended', 'info', { detailOf: 'total' }),
    },
    other: kpi.count('', 'info', { detailOf: 'total' }),
  },
  create: () => ({ byKind: {}, robotDownSec: 0, ended: 0 }),
  reduce(acc, e: SimEvent) {
    if (e.type === 'fault.injected') {
      const name = kpiName(e.kind);
      acc.byKind[name] = (acc.byKind[name] ?? 0) + 1;
      if (e.robot >= 0) acc.robotDownSec += e.durationSec;
    } else if (e.type === 'fault.ended') {
      acc.ended += 1;
    }
  },
  finalize(acc): Record<string, number> {
    const kinds = Object.keys(acc.byKind).sort();
    if (kinds.length === 0) return {};
    const total = kinds.reduce((s, k) => s + acc.byKind[k]!, 0);
    return { total, ...Object.fromEntries(kinds.map((k) => [k, acc.byKind[k]!])), robotDownSec: Math.round(acc.robotDownSec * 100) / 100, ended: acc.ended };
  },
};
