import type { CollisionKind, SimEvent } from '../events/sim-event.ts';
import type { KindKpis } from '../kind/kind-def.ts';
import type { KindRegistry } from '../kind/kind-registry.ts';

/** Collision counts per kind. */
export type CollisionCounts = Record<'robotRobot' | 'robotStatic' | 'robotLoad' | 'loadStatic' | 'loadLoad', number> & Partial<Record<CollisionKind, number>>;

/** Key performance indicators of an episode (or of the part seen so far). */
export interface Kpis {
  ordersReleased: number;
  ordersDelivered: number;
  /** Delivered orders per simulated hour. */
  throughputPerHour: number;
  cycleTimeP50Sec: number;
  cycleTimeP95Sec: number;
  /** Share of robot-time spent on a task (0..1). */
  utilisation: number;
  distanceM: number;
  energyWh: number;
  linesPicked: number;
  collisions: CollisionCounts & { total: number };
  commandsRejected: number;
  deadlocks: number;
  faults: number;
  simulatedSec: number;
  /** KPIs of kinds that declare their own (`KindDef.kpis`), by kind id; absent when none does. */
  things?: Record<string, Record<string, number>>;
}

/** Running totals a KPI reducer folds events into. Plain data: fold it with `reduce` or rxjs `scan`. */
export interface KpiAccumulator {
  hz: number;
  released: number;
  delivered: number;
  cycleSec: number[];
  linesPicked: number;
  collisions: CollisionCounts;
  rejected: number;
  deadlocks: number;
  faults: number;
  lastSample: { tick: number; distanceM: number; busyRobotSec: number; robotSec: number; energyWh: number };
  lastTick: number;
  /** Running totals of kinds with their own KPIs, by kind id. */
  things: Record<string, unknown>;
  /** Those kinds' reducers (not data: the accumulator is folded where it was created). */
  readonly kindKpis: ReadonlyArray<{ id: string; kpis: KindKpis }>;
}

/** A fresh accumulator for a scenario running at `hz` ticks per second, with the KPIs of those `kinds` that have `things` (all of them when `things` is not given). */
export function createKpiAccumulator(hz: number, kinds?: KindRegistry, things?: Readonly<Record<string, readonly unknown[]>>): KpiAccumulator {
  // A kind with no things in the scenario reports nothing (as it hashes nothing): registering a kind never changes the KPIs of scenarios that do not use it.
  const inUse = (id: string) => things === undefined || (things[id]?.length ?? 0) > 0;
  const kindKpis = (kinds?.kinds ?? []).flatMap((k) => (k.kpis && inUse(k.id) ? [{ id: k.id, kpis: k.kpis as KindKpis }] : []));
  return {
    hz,
    released: 0,
    delivered: 0,
    cycleSec: [],
    linesPicked: 0,
    collisions: { robotRobot: 0, robotStatic: 0, robotLoad: 0, loadStatic: 0, loadLoad: 0 },
    rejected: 0,
    deadlocks: 0,
    faults: 0,
    lastSample: { tick: -1, distanceM: 0, busyRobotSec: 0, robotSec: 0, energyWh: 0 },
    lastTick: -1,
    things: Object.fromEntries(kindKpis.map((k) => [k.id, k.kpis.create(hz)])),
    kindKpis,
  };
}

/** Folds one event into the accumulator (mutates and returns it). */
export function reduceKpis(acc: KpiAccumulator, e: SimEvent): KpiAccumulator {
  if (e.tick > acc.lastTick) acc.lastTick = e.tick;
  switch (e.type) {
    case 'order.released':
      acc.released += 1;
      break;
    case 'order.delivered':
      acc.delivered += 1;
      acc.cycleSec.push(e.cycleSec);
      break;
    case 'pick.completed':
      acc.linesPicked += 1;
      break;
    case 'contact.began':
      acc.collisions[e.kind] = (acc.collisions[e.kind] ?? 0) + 1;
      break;
    case 'command.rejected':
      acc.rejected += 1;
      break;
    case 'deadlock.detected':
      acc.deadlocks += 1;
      break;
    case 'fault.injected':
      acc.faults += 1;
      break;
    case 'fleet.sampled':
      acc.lastSample = { tick: e.tick, distanceM: e.distanceM, busyRobotSec: e.busyRobotSec, robotSec: e.robotSec, energyWh: e.energyWh };
      break;
    default:
      break;
  }
  for (const k of acc.kindKpis) k.kpis.reduce(acc.things[k.id], e);
  return acc;
}

/** Nearest-rank percentile of an unsorted list (0 for an empty list). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/**
 * KPIs from an accumulator. `simulatedSec` is the time the run covered (for throughput);
 * defaults to the last fleet sample.
 */
export function finalizeKpis(acc: KpiAccumulator, simulatedSec?: number): Kpis {
  const s = acc.lastSample;
  const sec = simulatedSec ?? (s.tick + 1) / acc.hz;
  const total = Object.values(acc.collisions).reduce((a: number, b) => a + (b ?? 0), 0);
  return {
    ordersReleased: acc.released,
    ordersDelivered: acc.delivered,
    throughputPerHour: sec > 0 ? round((acc.delivered * 3600) / sec, 2) : 0,
    cycleTimeP50Sec: round(percentile(acc.cycleSec, 50), 2),
    cycleTimeP95Sec: round(percentile(acc.cycleSec, 95), 2),
    utilisation: s.robotSec > 0 ? round(s.busyRobotSec / s.robotSec, 4) : 0,
    distanceM: round(s.distanceM, 2),
    energyWh: round(s.energyWh, 2),
    linesPicked: acc.linesPicked,
    collisions: { ...acc.collisions, total },
    commandsRejected: acc.rejected,
    deadlocks: acc.deadlocks,
    faults: acc.faults,
    simulatedSec: round(sec, 3),
    ...kindSection(acc, sec),
  };
}

/** Kinds' KPIs by kind id; a kind whose finalize returns no figures (nothing of it ran) is left out. */
function kindSection(acc: KpiAccumulator, sec: number): { things?: Record<string, Record<string, number>> } {
  if (acc.kindKpis.length === 0) return {};
  const entries = acc.kindKpis.map((k) => [k.id, k.kpis.finalize(acc.things[k.id], sec)] as const).filter(([, v]) => Object.keys(v).length > 0);
  return entries.length > 0 ? { things: Object.fromEntries(entries) } : {};
}

/** KPIs of a whole event list: a plain reduce. */
export function computeKpis(events: readonly SimEvent[], hz: number, simulatedSec?: number, kinds?: KindRegistry): Kpis {
  return finalizeKpis(events.reduce(reduceKpis, createKpiAccumulator(hz, kinds)), simulatedSec);
}
