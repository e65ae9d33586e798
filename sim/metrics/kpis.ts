import type { CollisionKind, SimEvent } from '../events/sim-event.ts';

/** Collision counts per kind. */
export type CollisionCounts = Record<CollisionKind, number>;

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
}

/** A fresh accumulator for a scenario running at `hz` ticks per second. */
export function createKpiAccumulator(hz: number): KpiAccumulator {
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
      acc.collisions[e.kind] += 1;
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
  const total = Object.values(acc.collisions).reduce((a, b) => a + b, 0);
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
  };
}

/** KPIs of a whole event list: a plain reduce. */
export function computeKpis(events: readonly SimEvent[], hz: number, simulatedSec?: number): Kpis {
  return finalizeKpis(events.reduce(reduceKpis, createKpiAccumulator(hz)), simulatedSec);
}
