import { kpi } from '../../metrics/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../kind-def.ts';
import { MACHINE_STATES, type MachineStateName } from './line-columns.ts';

interface MachineAcc {
  idealCycleSec: number;
  firstSec: number;
  sinceSec: number;
  state: MachineStateName;
  timeSec: Record<MachineStateName, number>;
  processed: number;
  scrapped: number;
}

/** Running totals of the machines: time in each state since the first event seen, units processed and scrapped. */
export interface MachineKpiAcc {
  order: string[];
  machines: Record<string, MachineAcc>;
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const zeroTimes = (): Record<MachineStateName, number> => Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as Record<MachineStateName, number>;

function machineOf(acc: MachineKpiAcc, name: string, atSec: number, state: MachineStateName, idealCycleSec = 0): MachineAcc {
  let m = acc.machines[name];
  if (!m) {
    m = { idealCycleSec, firstSec: atSec, sinceSec: atSec, state, timeSec: zeroTimes(), processed: 0, scrapped: 0 };
    acc.machines[name] = m;
    acc.order.push(name);
  }
  return m;
}

/** OEE factors of one machine over `plannedSec` of calendar time (see README, "Production line"). */
function oeeOf(m: MachineAcc, timeSec: Record<MachineStateName, number>, plannedSec: number) {
  const runSec = plannedSec - timeSec.down;
  const availability = plannedSec > 0 ? runSec / plannedSec : 0;
  const performance = runSec > 0 ? (m.idealCycleSec * m.processed) / runSec : 0;
  const quality = m.processed > 0 ? (m.processed - m.scrapped) / m.processed : 1;
  return { availability, performance, quality, oee: availability * performance * quality };
}

/**
 * Machine KPIs (`kpis.things.machine`), per machine `<name>.<state>` shares of calendar time in
 * idle / working / blocked / starved / down / setup (summing to 1), `<name>.units`, and
 * `<name>.availability|performance|quality|oee`; unprefixed `availability`, `performance`,
 * `quality`, `oee` are the bottleneck's: the machine with the longest ideal cycle time (first in
 * spec order on a tie). With
 * - availability = (planned − down) / planned, planned = the calendar time covered;
 * - performance = ideal cycle time × units processed / (planned − down): it absorbs starved,
 *   blocked, setup and slow-cycle losses;
 * - quality = good units / units processed (scrapped units are not good);
 * OEE = availability × performance × quality = ideal cycle × good units / planned time.
 */
export const machineKpis: KindKpis<MachineKpiAcc> = {
  meta: {
    thing: 'machine',
    figures: {
      availability: kpi.share('availability', 'higher', { detailOf: 'oee' }),
      performance: kpi.share('performance', 'higher', { detailOf: 'oee' }),
      quality: kpi.share('quality', 'higher', { detailOf: 'oee' }),
      oee: kpi.share('OEE (bottleneck)', 'higher', { headline: 1 }),
    },
    perThing: {
      units: kpi.count('units'),
      oee: kpi.share('OEE'),
      ...Object.fromEntries(MACHINE_STATES.map((s) => [s, kpi.share(s, 'info', { omitZero: true })])),
      availability: kpi.share('availability', 'higher', { hidden: true }),
      performance: kpi.share('performance', 'higher', { hidden: true }),
      quality: kpi.share('quality', 'higher', { hidden: true }),
    },
  },
  create: () => ({ order: [], machines: {} }),
  reduce(acc, e: SimEvent) {
    switch (e.type) {
      case 'line.started':
        e.machines.forEach((name, i) => machineOf(acc, name, e.atSec, 'idle', e.idealCycleSec[i]));
        break;
      case 'machine.state': {
        const m = machineOf(acc, e.name, e.atSec, e.from);
        m.timeSec[m.state] += e.atSec - m.sinceSec;
        m.sinceSec = e.atSec;
        m.state = e.to;
        break;
      }
      case 'unit.processed': {
        const m = machineOf(acc, e.name, e.atSec, 'working', e.idealCycleSec);
        m.idealCycleSec = e.idealCycleSec;
        m.processed += 1;
        if (e.scrapped) m.scrapped += 1;
        break;
      }
      default:
        break;
    }
  },
  finalize(acc, simulatedSec) {
    if (acc.order.length === 0) return {};
    const out: Record<string, number> = {};
    let bottleneck: ReturnType<typeof oeeOf> | null = null;
    let slowest = -1;
    for (const name of acc.order) {
      const m = acc.machines[name]!;
      const timeSec = { ...m.timeSec };
      timeSec[m.state] += Math.max(0, simulatedSec - m.sinceSec);
      const total = MACHINE_STATES.reduce((s, k) => s + timeSec[k], 0);
      for (const k of MACHINE_STATES) out[`${name}.${k}`] = total > 0 ? r4(timeSec[k] / total) : k === 'idle' ? 1 : 0;
      const f = oeeOf(m, timeSec, total);
      out[`${name}.units`] = m.processed;
      out[`${name}.availability`] = r4(f.availability);
      out[`${name}.performance`] = r4(f.performance);
      out[`${name}.quality`] = r4(f.quality);
      out[`${name}.oee`] = r4(f.oee);
      if (m.idealCycleSec > slowest) {
        slowest = m.idealCycleSec;
        bottleneck = f;
      }
    }
    return { availability: r4(bottleneck!.availability), performance: r4(bottleneck!.performance), quality: r4(bottleneck!.quality), oee: r4(bottleneck!.oee), ...out };
  },
};

/** Running totals of the line's flow: units in the system over time and cycle times. */
export interface FlowKpiAcc {
  firstSec: number;
  lastSec: number;
  inSystem: number;
  areaUnitSec: number;
  released: number;
  completed: number;
  scrapped: number;
  cycleSec: number[];
}

function advanceTo(acc: FlowKpiAcc, atSec: number): void {
  if (acc.firstSec < 0) acc.firstSec = acc.lastSec = atSec;
  acc.areaUnitSec += acc.inSystem * (atSec - acc.lastSec);
  acc.lastSec = atSec;
}

/** Nearest-rank percentile of a list (0 when empty). */
function nearestRank(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Line flow KPIs (`kpis.things.sink`): `unitsCompleted`, `throughputPerHour` (units reaching the
 * sinks per simulated hour), `cycleTimeMeanSec` and `cycleTimeP95Sec` (source release → sink),
 * `wipUnits` (time-average units in the system: released and neither completed nor scrapped,
 * including those waiting at a source), `unitsReleased`, `unitsScrapped`.
 */
export const flowKpis: KindKpis<FlowKpiAcc> = {
  meta: {
    figures: {
      unitsCompleted: kpi.count('line units completed'),
      throughputPerHour: kpi.perHour('line throughput', 'units/h', { headline: 1 }),
      cycleTimeMeanSec: kpi.seconds('line cycle time mean'),
      cycleTimeP95Sec: kpi.seconds('p95', 'lower', { detailOf: 'cycleTimeMeanSec' }),
      wipUnits: kpi.amount('WIP (time average)', 'units', 2),
      unitsReleased: kpi.count('released', 'info', { detailOf: 'unitsCompleted' }),
      unitsScrapped: kpi.count('scrapped', 'lower', { detailOf: 'unitsCompleted' }),
    },
  },
  create: () => ({ firstSec: -1, lastSec: 0, inSystem: 0, areaUnitSec: 0, released: 0, completed: 0, scrapped: 0, cycleSec: [] }),
  reduce(acc, e: SimEvent) {
    switch (e.type) {
      case 'line.started':
        advanceTo(acc, e.atSec);
        break;
      case 'unit.released':
        advanceTo(acc, e.atSec);
        acc.inSystem += 1;
        acc.released += 1;
        break;
      case 'unit.completed':
        advanceTo(acc, e.atSec);
        acc.inSystem -= 1;
        acc.completed += 1;
        acc.cycleSec.push(e.cycleSec);
        break;
      case 'unit.processed':
        if (!e.scrapped) break;
        advanceTo(acc, e.atSec);
        acc.inSystem -= 1;
        acc.scrapped += 1;
        break;
      default:
        break;
    }
  },
  finalize(acc, simulatedSec): Record<string, number> {
    if (acc.firstSec < 0) return {};
    const spanSec = Math.max(simulatedSec - acc.firstSec, 0);
    const area = acc.areaUnitSec + acc.inSystem * Math.max(0, simulatedSec - acc.lastSec);
    const mean = acc.cycleSec.length > 0 ? acc.cycleSec.reduce((a, b) => a + b, 0) / acc.cycleSec.length : 0;
    return {
      unitsCompleted: acc.completed,
      throughputPerHour: spanSec > 0 ? Math.round(((acc.completed * 3600) / spanSec) * 100) / 100 : 0,
      cycleTimeMeanSec: r4(mean),
      cycleTimeP95Sec: r4(nearestRank(acc.cycleSec, 95)),
      wipUnits: spanSec > 0 ? r4(area / spanSec) : 0,
      unitsReleased: acc.released,
      unitsScrapped: acc.scrapped,
    };
  },
};
