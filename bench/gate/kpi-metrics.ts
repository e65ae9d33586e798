import type { Kpis } from '../../sim/index.ts';

/** Which way a KPI improves; `info` KPIs are reported but never gated. */
export type Better = 'higher' | 'lower' | 'info';

/** A KPI the bench reports, compares and gates. */
export interface KpiMetric {
  /** Key in results, baselines and tolerances (dotted for nested KPIs). */
  key: string;
  /** Column title. */
  title: string;
  better: Better;
  /** Decimals shown. */
  digits: number;
  read(k: Kpis): number;
}

/** The KPIs of a run, in report order. */
export const KPI_METRICS: readonly KpiMetric[] = [
  { key: 'throughputPerHour', title: 'Throughput (orders/h)', better: 'higher', digits: 1, read: (k) => k.throughputPerHour },
  { key: 'cycleTimeP50Sec', title: 'Cycle p50 (s)', better: 'lower', digits: 1, read: (k) => k.cycleTimeP50Sec },
  { key: 'cycleTimeP95Sec', title: 'Cycle p95 (s)', better: 'lower', digits: 1, read: (k) => k.cycleTimeP95Sec },
  { key: 'collisions.total', title: 'Collisions', better: 'lower', digits: 2, read: (k) => k.collisions.total },
  { key: 'deadlocks', title: 'Deadlocks', better: 'lower', digits: 2, read: (k) => k.deadlocks },
  { key: 'commandsRejected', title: 'Rejected cmds', better: 'lower', digits: 2, read: (k) => k.commandsRejected },
  // Production line (kpis.things.sink / .machine; 0 for scenarios without a line).
  { key: 'line.throughputPerHour', title: 'Line (units/h)', better: 'higher', digits: 1, read: (k) => k.things?.sink?.throughputPerHour ?? 0 },
  { key: 'line.oee', title: 'OEE', better: 'higher', digits: 3, read: (k) => k.things?.machine?.oee ?? 0 },
  { key: 'line.cycleTimeMeanSec', title: 'Line cycle (s)', better: 'info', digits: 1, read: (k) => k.things?.sink?.cycleTimeMeanSec ?? 0 },
  { key: 'line.wipUnits', title: 'WIP (units)', better: 'info', digits: 2, read: (k) => k.things?.sink?.wipUnits ?? 0 },
  { key: 'lineside.standWaitSec', title: 'Line waits for AMRs (s)', better: 'info', digits: 0, read: (k) => k.things?.lineside?.standWaitSec ?? 0 },
  { key: 'arm.graspFailures', title: 'Grasp failures', better: 'info', digits: 1, read: (k) => k.things?.arm?.graspFailures ?? 0 },
  { key: 'item.droppedItems', title: 'Dropped items', better: 'lower', digits: 1, read: (k) => k.things?.item?.droppedItems ?? 0 },
  { key: 'ordersDelivered', title: 'Delivered', better: 'info', digits: 2, read: (k) => k.ordersDelivered },
  { key: 'utilisation', title: 'Utilisation', better: 'info', digits: 3, read: (k) => k.utilisation },
  { key: 'distanceM', title: 'Distance (m)', better: 'info', digits: 0, read: (k) => k.distanceM },
  { key: 'energyWh', title: 'Energy (Wh)', better: 'info', digits: 1, read: (k) => k.energyWh },
];

/** Mean of each KPI over runs (the runs must all have KPIs). */
export function meanKpis(kpis: readonly Kpis[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of KPI_METRICS) {
    const sum = kpis.reduce((s, k) => s + m.read(k), 0);
    out[m.key] = kpis.length > 0 ? round(sum / kpis.length, 4) : 0;
  }
  return out;
}

/** A value with the metric's decimals. */
export function formatMetric(metric: KpiMetric, value: number): string {
  return value.toFixed(metric.digits);
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
