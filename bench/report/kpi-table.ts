import { MACHINE_STATES, type Kpis } from '../../sim/index.ts';
import type { RunResult } from '../run-scenario.ts';

/** A two-column plain-text table of a run's KPIs, for terminals and CI logs. */
export function formatKpiTable(result: RunResult): string {
  const k = result.kpis;
  const c = k.collisions;
  const rows: Array<[string, string]> = [
    ['scenario', `${result.scenario}  seed ${result.seed}  controller ${result.controller}  robots ${result.robots}`],
    ['simulated', `${result.simulatedSec.toFixed(0)} s (${result.ticks} ticks) in ${result.wallSec.toFixed(2)} s wall, ${result.realTimeFactor}× real time`],
    ['orders delivered', `${k.ordersDelivered} of ${k.ordersReleased} released (${k.linesPicked} lines picked)`],
    ['throughput', `${k.throughputPerHour.toFixed(1)} orders/h`],
    ['cycle time p50 / p95', `${k.cycleTimeP50Sec.toFixed(1)} s / ${k.cycleTimeP95Sec.toFixed(1)} s`],
    ['robot utilisation', `${(k.utilisation * 100).toFixed(1)} %`],
    ['distance', `${k.distanceM.toFixed(0)} m`],
    ['energy', `${k.energyWh.toFixed(0)} Wh`],
    ['collisions', `${c.total} (robot-robot ${c.robotRobot}, robot-static ${c.robotStatic}, robot-load ${c.robotLoad}, load-static ${c.loadStatic}, load-load ${c.loadLoad})`],
    ['commands rejected', String(k.commandsRejected)],
    ['deadlocks', String(k.deadlocks)],
    ['tick time', `${result.timing.tickMs.toFixed(3)} ms (physics ${result.timing.physicsMs.toFixed(3)}, controller ${result.timing.controllerMs.toFixed(3)}, other ${result.timing.otherMs.toFixed(3)})`],
    ...lineRows(k),
    ...linesideRows(k),
    ['state hash', result.hash],
  ];
  // KPIs of other kinds that declare their own (errand tasks, chutes …), one line per kind, before the hash.
  const kinds = Object.entries(k.things ?? {}).filter(([kind]) => !LINE_KINDS.has(kind)).map(([kind, values]): [string, string] => [kind, Object.entries(values).map(([name, v]) => `${name} ${Number.isInteger(v) ? v : v.toFixed(1)}`).join(', ')]);
  rows.splice(rows.length - 1, 0, ...kinds);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** Kinds whose KPIs {@link lineRows} shows. */
const LINE_KINDS = new Set(['source', 'machine', 'buffer', 'sink']);

const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)} %`;

/** Rows of the production line's KPIs (none for a scenario without a line). */
function lineRows(k: Kpis): Array<[string, string]> {
  const sink = k.things?.sink;
  const machine = k.things?.machine;
  if (!sink && !machine) return [];
  const rows: Array<[string, string]> = [];
  if (sink) {
    rows.push(['line throughput', `${sink.throughputPerHour!.toFixed(1)} units/h (${sink.unitsCompleted} completed, ${sink.unitsScrapped} scrapped of ${sink.unitsReleased} released)`]);
    rows.push(['line cycle mean / p95', `${sink.cycleTimeMeanSec!.toFixed(1)} s / ${sink.cycleTimeP95Sec!.toFixed(1)} s`]);
    rows.push(['WIP', `${sink.wipUnits!.toFixed(2)} units (time average)`]);
  }
  if (machine) {
    rows.push(['OEE (bottleneck)', `${pct(machine.oee)} = availability ${pct(machine.availability)} × performance ${pct(machine.performance)} × quality ${pct(machine.quality)}`]);
    const names = Object.keys(machine).filter((key) => key.endsWith('.oee')).map((key) => key.slice(0, -4));
    for (const name of names) {
      const shares = MACHINE_STATES.filter((s) => (machine[`${name}.${s}`] ?? 0) > 0).map((s) => `${s} ${pct(machine[`${name}.${s}`])}`);
      rows.push([`machine ${name}`, `${machine[`${name}.units`]} units, OEE ${pct(machine[`${name}.oee`])}; ${shares.join(', ')}`]);
    }
  }
  return rows;
}

/** Rows of the line-side logistics KPIs (none without line-side stands). */
function linesideRows(k: Kpis): Array<[string, string]> {
  const l = k.things?.lineside;
  if (!l) return [];
  return [
    ['line-side totes', `${l.totesDelivered} delivered or shipped, lead time ${l.meanLeadSec!.toFixed(1)} s mean`],
    ['AMR lateness', `${l.lateDeliveries} late (mean ${l.meanLatenessSec!.toFixed(1)} s, max ${l.maxLatenessSec!.toFixed(1)} s); the line waited ${l.standWaitSec!.toFixed(0)} s at empty or full stands`],
  ];
}
