import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';
import { activePeriodBottleneck } from './active-period-bottleneck.ts';
import { MACHINE_STATES, type MachineStateName } from './line-columns.ts';

interface MachineAcc {
  idealCycleSec: number;
  firstSec: number;
  sinceSec: number;
  state: MachineStateName;
  timeSec: Record<MachineStateName, number>;
  processed: number;
  scrapped: number;
  /** Start of the current active period (working, setup or down), −1 while waiting; closed periods as flat `[start, end, …]`. */
  activeSinceSec: number;
  periods: number[];
}

/** Active states of the active-period method: the machine is doing something (working, setting up, being repaired), not waiting. */
const isActive = (state: MachineStateName) => state === 'working' || state === 'setup' || state === 'down';

/** Running totals of the machines: time in each state since the first event seen (or the warm-up's end), units processed and scrapped. */
export interface MachineKpiAcc {
  order: string[];
  machines: Record<string, MachineAcc>;
  /** Warm-up, seconds (0: none), and whether the totals were restarted at its end. */
  warmupSec: number;
  warmed: boolean;
}

/** Restarts the machine totals at the warm-up's end `w`: each machine's state then carries on from `w`. */
function restartMachines(acc: MachineKpiAcc, w: number): MachineKpiAcc {
  const machines: Record<string, MachineAcc> = {};
  for (const name of acc.order) {
    const m = acc.machines[name]!;
    machines[name] = {
      ...m,
      firstSec: w,
      sinceSec: Math.max(w, m.sinceSec),
      timeSec: zeroTimes(),
      processed: 0,
      scrapped: 0,
      activeSinceSec: m.activeSinceSec >= 0 ? w : -1,
      periods: [],
    };
  }
  return { ...acc, machines, warmed: true };
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const zeroTimes = (): Record<MachineStateName, number> => Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as Record<MachineStateName, number>;

function machineOf(acc: MachineKpiAcc, name: string, atSec: number, state: MachineStateName, idealCycleSec = 0): MachineAcc {
  let m = acc.machines[name];
  if (!m) {
    m = {
      idealCycleSec,
      firstSec: atSec,
      sinceSec: atSec,
      state,
      timeSec: zeroTimes(),
      processed: 0,
      scrapped: 0,
      activeSinceSec: isActive(state) ? atSec : -1,
      periods: [],
    };
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
      // Index of the bottleneck machine by active periods (in spec order); the run table names it.
      bottleneckMachine: kpi.count('bottleneck machine (index)', 'info', { hidden: true }),
    },
    perThing: {
      units: kpi.count('units'),
      oee: kpi.share('OEE'),
      ...Object.fromEntries(MACHINE_STATES.map((s) => [s, kpi.share(s, 'info', { omitZero: true })])),
      availability: kpi.share('availability', 'higher', { hidden: true }),
      performance: kpi.share('performance', 'higher', { hidden: true }),
      quality: kpi.share('quality', 'higher', { hidden: true }),
      bottleneckSole: kpi.share('bottleneck alone', 'info', { hidden: true }),
      bottleneckShifting: kpi.share('bottleneck shifting', 'info', { hidden: true }),
    },
  },
  create: () => ({ order: [], machines: {}, warmupSec: 0, warmed: true }),
  reduce(acc, e: SimEvent) {
    if (!acc.warmed && 'atSec' in e && (e.atSec as number) >= acc.warmupSec) Object.assign(acc, restartMachines(acc, acc.warmupSec));
    switch (e.type) {
      case 'line.started':
        e.machines.forEach((name, i) => machineOf(acc, name, e.atSec, 'idle', e.idealCycleSec[i]));
        if (e.warmupSec !== undefined && e.warmupSec > e.atSec) Object.assign(acc, { warmupSec: e.warmupSec, warmed: false });
        break;
      case 'machine.state': {
        const m = machineOf(acc, e.name, e.atSec, e.from);
        m.timeSec[m.state] += e.atSec - m.sinceSec;
        m.sinceSec = e.atSec;
        if (isActive(e.to) && m.activeSinceSec < 0) m.activeSinceSec = e.atSec;
        else if (!isActive(e.to) && m.activeSinceSec >= 0) {
          if (e.atSec > m.activeSinceSec) m.periods.push(m.activeSinceSec, e.atSec);
          m.activeSinceSec = -1;
        }
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
  finalize(raw, simulatedSec) {
    if (raw.order.length === 0) return {};
    const acc = raw.warmed || simulatedSec < raw.warmupSec ? raw : restartMachines(raw, raw.warmupSec);
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
    // The bottleneck by the active-period method: sole and shifting shares of the covered time.
    const from = acc.machines[acc.order[0]!]!.firstSec;
    const periods = acc.order.map((name) => {
      const m = acc.machines[name]!;
      return m.activeSinceSec >= 0 && simulatedSec > m.activeSinceSec ? [...m.periods, m.activeSinceSec, simulatedSec] : m.periods;
    });
    const shares = activePeriodBottleneck(periods, from, simulatedSec);
    let verdict = 0;
    acc.order.forEach((name, i) => {
      out[`${name}.bottleneckSole`] = r4(shares.sole[i]!);
      out[`${name}.bottleneckShifting`] = r4(shares.shifting[i]!);
      if (shares.sole[i]! + shares.shifting[i]! > shares.sole[verdict]! + shares.shifting[verdict]!) verdict = i;
    });
    return {
      availability: r4(bottleneck!.availability),
      performance: r4(bottleneck!.performance),
      quality: r4(bottleneck!.quality),
      oee: r4(bottleneck!.oee),
      /** Index (spec order) of the bottleneck by the active-period method: the machine with the largest sole + shifting share. */
      bottleneckMachine: verdict,
      ...out,
    };
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
  /** Warm-up, seconds (0: none), and whether the totals were restarted at its end. */
  warmupSec: number;
  warmed: boolean;
}

/** Restarts the flow totals at the warm-up's end `w`: the units in the line then stay in it, nothing else carries over. */
function restartFlow(acc: FlowKpiAcc, w: number): FlowKpiAcc {
  return { ...acc, firstSec: w, lastSec: w, areaUnitSec: 0, released: 0, completed: 0, scrapped: 0, cycleSec: [], warmed: true };
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
      warmupSec: kpi.seconds('line warm-up left out', 'info', { omitZero: true }),
    },
  },
  create: () => ({ firstSec: -1, lastSec: 0, inSystem: 0, areaUnitSec: 0, released: 0, completed: 0, scrapped: 0, cycleSec: [], warmupSec: 0, warmed: true }),
  reduce(acc, e: SimEvent) {
    if (!acc.warmed && 'atSec' in e && (e.atSec as number) >= acc.warmupSec) Object.assign(acc, restartFlow(acc, acc.warmupSec));
    switch (e.type) {
      case 'line.started':
        advanceTo(acc, e.atSec);
        if (e.warmupSec !== undefined && e.warmupSec > e.atSec) Object.assign(acc, { warmupSec: e.warmupSec, warmed: false });
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
  finalize(raw, simulatedSec): Record<string, number> {
    if (raw.firstSec < 0) return {};
    const acc = raw.warmed || simulatedSec < raw.warmupSec ? raw : restartFlow(raw, raw.warmupSec);
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
      ...(acc.warmupSec > 0 ? { warmupSec: acc.warmupSec } : {}),
    };
  },
};
