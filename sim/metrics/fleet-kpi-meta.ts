import { kpi, type KpiFigureMeta } from '../kind/kpi-meta.ts';

/**
 * A figure of the fleet's own KPIs (`kpis.ts`, not a kind's section): its path in `Kpis`, its
 * meaning, and when a scenario has it at all (`has(kind)`: whether the scenario has things of that
 * kind). A figure a scenario cannot have (orders without pick stations, distance without robots)
 * is left out of every summary rather than shown as zero.
 */
export interface FleetKpiMeta {
  readonly path: string;
  readonly meta: KpiFigureMeta;
  readonly present: (has: (kind: string) => boolean) => boolean;
}

const always = () => true;
const orders = (has: (kind: string) => boolean) => has('station');
const robots = (has: (kind: string) => boolean) => has('robot');
const loads = (has: (kind: string) => boolean) => has('load');
const moving = (has: (kind: string) => boolean) => ['robot', 'load', 'item', 'person'].some(has);

/** The fleet's figures in report order. Orders come from pick stations (P); utilisation counts robot-time on order tasks. */
export const FLEET_KPI_META: readonly FleetKpiMeta[] = [
  { path: 'ordersDelivered', present: orders, meta: kpi.count('orders delivered') },
  { path: 'ordersReleased', present: orders, meta: kpi.count('released', 'info', { detailOf: 'ordersDelivered' }) },
  { path: 'linesPicked', present: orders, meta: kpi.count('lines picked', 'info', { detailOf: 'ordersDelivered' }) },
  { path: 'throughputPerHour', present: orders, meta: kpi.perHour('throughput', 'orders/h', { headline: 4 }) },
  { path: 'cycleTimeP50Sec', present: orders, meta: kpi.seconds('order cycle time p50') },
  { path: 'cycleTimeP95Sec', present: orders, meta: kpi.seconds('p95', 'lower', { detailOf: 'cycleTimeP50Sec' }) },
  { path: 'utilisation', present: (has) => has('robot') && has('station'), meta: kpi.share('robot utilisation') },
  { path: 'distanceM', present: robots, meta: kpi.amount('distance', 'm', 0) },
  { path: 'energyWh', present: robots, meta: kpi.amount('energy', 'Wh', 0) },
  { path: 'collisions.total', present: moving, meta: kpi.count('collisions', 'lower') },
  { path: 'collisions.robotRobot', present: robots, meta: kpi.count('robot-robot', 'lower', { detailOf: 'collisions.total' }) },
  { path: 'collisions.robotStatic', present: robots, meta: kpi.count('robot-static', 'lower', { detailOf: 'collisions.total' }) },
  { path: 'collisions.robotLoad', present: (has) => has('robot') && has('load'), meta: kpi.count('robot-load', 'lower', { detailOf: 'collisions.total' }) },
  { path: 'collisions.loadStatic', present: loads, meta: kpi.count('load-static', 'lower', { detailOf: 'collisions.total' }) },
  { path: 'collisions.loadLoad', present: loads, meta: kpi.count('load-load', 'lower', { detailOf: 'collisions.total' }) },
  { path: 'deadlocks', present: robots, meta: kpi.count('deadlocks', 'lower') },
  { path: 'commandsRejected', present: always, meta: kpi.count('commands rejected', 'lower') },
  { path: 'faults', present: always, meta: kpi.count('faults injected', 'info', { hidden: true }) },
  { path: 'simulatedSec', present: always, meta: kpi.seconds('simulated', 'info', { format: { digits: 0 }, hidden: true }) },
];
