import { builtinKinds, FLEET_KPI_META, kpiCatalogue, type KpiFigureMeta, type Kpis, type ThingCounts } from '../../../sim/index.ts';

/** Which way a KPI improves; `info` KPIs are reported but never gated. */
export type Better = 'higher' | 'lower' | 'info';

/** A KPI the bench reports, compares and gates. */
export interface KpiMetric {
  /** Key in results, baselines and tolerances (dotted for nested KPIs). */
  key: string;
  /** Its path in `Kpis` (`things.sink.throughputPerHour` for `line.throughputPerHour`): the figure whose metadata it carries. */
  source: string;
  /** Column title, from the figure's metadata (title and unit). */
  title: string;
  /** Which way it is gated: the figure's own direction, or `info` for a figure reported but never gated. */
  better: Better;
  /** Decimals shown (of means over seeds). */
  digits: number;
  read(k: Kpis): number;
}

const kindFigure = (kind: string, figure: string): KpiFigureMeta => {
  const meta = builtinKinds.get(kind)?.kpis?.meta.figures[figure];
  if (!meta) throw new Error(`no KPI metadata for ${kind}.${figure}`);
  return meta;
};
const fleetFigure = (path: string): KpiFigureMeta => FLEET_KPI_META.find((f) => f.path === path)!.meta;

function titleOf(meta: KpiFigureMeta): string {
  const title = meta.title.charAt(0).toUpperCase() + meta.title.slice(1);
  return meta.unit && meta.unit !== '%' ? `${title} (${meta.unit})` : title;
}

/** A metric on a figure: title and direction from its metadata; `gated: false` reports it without gating it. */
function metric(key: string, source: string, meta: KpiFigureMeta, digits: number, gated: boolean, read: (k: Kpis) => number): KpiMetric {
  return { key, source, title: titleOf(meta), better: gated ? meta.better : 'info', digits, read };
}

/** The KPIs of a run, in report order (keys are those of committed baselines and tolerances). */
export const KPI_METRICS: readonly KpiMetric[] = [
  metric('throughputPerHour', 'throughputPerHour', fleetFigure('throughputPerHour'), 1, true, (k) => k.throughputPerHour),
  metric('cycleTimeP50Sec', 'cycleTimeP50Sec', fleetFigure('cycleTimeP50Sec'), 1, true, (k) => k.cycleTimeP50Sec),
  metric('cycleTimeP95Sec', 'cycleTimeP95Sec', { ...fleetFigure('cycleTimeP95Sec'), title: 'order cycle time p95' }, 1, true, (k) => k.cycleTimeP95Sec),
  metric('collisions.total', 'collisions.total', fleetFigure('collisions.total'), 2, true, (k) => k.collisions.total),
  metric('deadlocks', 'deadlocks', fleetFigure('deadlocks'), 2, true, (k) => k.deadlocks),
  metric('commandsRejected', 'commandsRejected', fleetFigure('commandsRejected'), 2, true, (k) => k.commandsRejected),
  // Production line (kpis.things.sink / .machine; 0 for scenarios without a line, and left out of their reports).
  metric(
    'line.throughputPerHour',
    'things.sink.throughputPerHour',
    kindFigure('sink', 'throughputPerHour'),
    1,
    true,
    (k) => k.things?.sink?.throughputPerHour ?? 0,
  ),
  metric('line.oee', 'things.machine.oee', kindFigure('machine', 'oee'), 3, true, (k) => k.things?.machine?.oee ?? 0),
  metric(
    'line.cycleTimeMeanSec',
    'things.sink.cycleTimeMeanSec',
    kindFigure('sink', 'cycleTimeMeanSec'),
    1,
    false,
    (k) => k.things?.sink?.cycleTimeMeanSec ?? 0,
  ),
  metric('line.wipUnits', 'things.sink.wipUnits', kindFigure('sink', 'wipUnits'), 2, false, (k) => k.things?.sink?.wipUnits ?? 0),
  metric(
    'lineside.standWaitSec',
    'things.lineside.standWaitSec',
    kindFigure('lineside', 'standWaitSec'),
    0,
    false,
    (k) => k.things?.lineside?.standWaitSec ?? 0,
  ),
  metric(
    'arm.graspFailures',
    'things.arm.graspFailures',
    { ...kindFigure('arm', 'graspFailures'), title: 'grasp failures' },
    1,
    false,
    (k) => k.things?.arm?.graspFailures ?? 0,
  ),
  metric(
    'item.droppedItems',
    'things.item.droppedItems',
    { ...kindFigure('item', 'droppedItems'), title: 'dropped items' },
    1,
    true,
    (k) => k.things?.item?.droppedItems ?? 0,
  ),
  // Headline KPIs of the other kinds of work (headlineKpisOf): sortation's parcels, errand tasks (LoRR-style floors).
  metric('chute.parcelsPerHour', 'things.chute.parcelsPerHour', kindFigure('chute', 'parcelsPerHour'), 1, true, (k) => k.things?.chute?.parcelsPerHour ?? 0),
  metric('errand.tasksPerHour', 'things.errand.tasksPerHour', kindFigure('errand', 'tasksPerHour'), 1, true, (k) => k.things?.errand?.tasksPerHour ?? 0),
  metric('ordersDelivered', 'ordersDelivered', fleetFigure('ordersDelivered'), 2, false, (k) => k.ordersDelivered),
  metric('utilisation', 'utilisation', fleetFigure('utilisation'), 3, false, (k) => k.utilisation),
  metric('distanceM', 'distanceM', fleetFigure('distanceM'), 0, false, (k) => k.distanceM),
  metric('energyWh', 'energyWh', fleetFigure('energyWh'), 1, false, (k) => k.energyWh),
];

/**
 * Whether a scenario with these things has the metric's figure at all (no orders/h for a flow
 * line, no OEE for a warehouse). Without thing counts (results written before they were
 * recorded) every metric applies.
 */
export function metricApplies(metric: KpiMetric, things: ThingCounts | undefined): boolean {
  if (!things) return true;
  return kpiCatalogue(builtinKinds, things).some((d) => d.key === metric.source);
}

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
