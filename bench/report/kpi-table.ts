import { MACHINE_STATES, type Kpis } from '../../sim/index.ts';
import type { RunResult } from '../run-scenario.ts';
import { describeCauses, describeStall } from '../runner/run-failures.ts';

/** Causes of rejected commands listed in the table (the JSON has them all). */
const CAUSES_SHOWN = 8;

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
    ['controller', `${result.controller} (${result.isolated ? 'isolated in a worker thread' : 'in-thread'})`],
    ...(result.cellController ? ([['cell controller', result.cellController]] as Array<[string, string]>) : []),
    ...failureRows(result),
    ['commands rejected', String(k.commandsRejected)],
    ...describeCauses(result.failures.rejections.byCause).slice(0, CAUSES_SHOWN).map((line): [string, string] => ['', `  ${line}`]),
    ['deadlocks', String(k.deadlocks)],
    ['tick time', `${result.timing.tickMs.toFixed(3)} ms (physics ${result.timing.physicsMs.toFixed(3)}, controller ${result.timing.controllerMs.toFixed(3)}, other ${result.timing.otherMs.toFixed(3)})`],
    ...lineRows(k),
    ...linesideRows(k),
    ...cellRows(k),
    ['state hash', result.hash],
  ];
  // KPIs of other kinds that declare their own (errand tasks, chutes …), one line per kind, before the hash.
  const kinds = Object.entries(k.things ?? {}).filter(([kind]) => !LINE_KINDS.has(kind)).map(([kind, values]): [string, string] => [kind, Object.entries(values).map(([name, v]) => `${name} ${Number.isInteger(v) ? v : v.toFixed(1)}`).join(', ')]);
  rows.splice(rows.length - 1, 0, ...kinds);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** Kinds whose KPIs have rows of their own ({@link lineRows}, {@link linesideRows}, {@link cellRows}). */
const LINE_KINDS = new Set(['source', 'machine', 'buffer', 'sink', 'lineside', 'arm', 'item', 'conveyor']);

function failureRows(result: RunResult): Array<[string, string]> {
  const f = result.failures;
  const rows: Array<[string, string]> = [];
  const first = f.controllerFailed.first;
  rows.push(['controller failures', first ? `${f.controllerFailed.count} (first at tick ${first.tick}: ${first.message})` : 'none']);
  if (f.stopped) rows.push(['STOPPED', `at tick ${f.stopped.tick} by the ${f.stopped.by}: ${f.stopped.reason}`]);
  if (f.stalled) rows.push(['STALLED', describeStall(f.stalled)]);
  return rows;
}

const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)} %`;

/** Rows of the production line's KPIs (none for a scenario without a line). */
function lineRows(k: Kpis): Array<[string, string]> {
  const sink = k.things?.sink;
  const machine = k.things?.machine;
  if (!sink && !machine) return [];
  const rows: Array<[string, string]> = [];
  if (sink) {
    if (sink.warmupSec) rows.push(['line warm-up', `first ${(sink.warmupSec / 60).toFixed(1)} min left out of every line KPI`]);
    rows.push(['line throughput', `${sink.throughputPerHour!.toFixed(1)} units/h (${sink.unitsCompleted} completed, ${sink.unitsScrapped} scrapped of ${sink.unitsReleased} released)`]);
    rows.push(['line cycle mean / p95', `${sink.cycleTimeMeanSec!.toFixed(1)} s / ${sink.cycleTimeP95Sec!.toFixed(1)} s`]);
    rows.push(['WIP', `${sink.wipUnits!.toFixed(2)} units (time average)`]);
  }
  if (machine) {
    rows.push(['OEE (bottleneck)', `${pct(machine.oee)} = availability ${pct(machine.availability)} × performance ${pct(machine.performance)} × quality ${pct(machine.quality)}`]);
    const names = Object.keys(machine).filter((key) => key.endsWith('.oee')).map((key) => key.slice(0, -4));
    if (machine.bottleneckMachine !== undefined) {
      const share = (n: string) => (machine[`${n}.bottleneckSole`] ?? 0) + (machine[`${n}.bottleneckShifting`] ?? 0);
      const ranked = names.filter((n) => share(n) > 0).sort((a, b) => share(b) - share(a));
      const described = ranked.map((n) => `${n} sole ${pct(machine[`${n}.bottleneckSole`])}, shifting ${pct(machine[`${n}.bottleneckShifting`])}`);
      rows.push(['bottleneck', `${names[machine.bottleneckMachine] ?? '—'} by active periods (${described.join('; ')})`]);
    }
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

/** Rows of the arms, items and conveyors (none without them). */
function cellRows(k: Kpis): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const arm = k.things?.arm;
  if (arm) rows.push(['arm cycles', `${arm.armCycles} (mean ${arm.armCycleTimeMeanSec!.toFixed(2)} s, p95 ${arm.armCycleTimeP95Sec!.toFixed(2)} s); ${arm.grasps} grasps, ${arm.graspFailures} failed, ${arm.armCommandsRefused} commands refused`]);
  const item = k.things?.item;
  if (item) rows.push(['items', `${item.itemsSpawned} spawned, ${item.itemsConsumed} consumed, ${item.droppedItems} dropped on the floor, pool exhausted ${item.poolExhausted}×`]);
  const belt = k.things?.conveyor;
  if (belt) rows.push(['conveyors', `${belt.itemsCarried} items carried, blocked ${belt.blockedSec!.toFixed(0)} s in all`]);
  return rows;
}
