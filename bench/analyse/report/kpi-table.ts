import { builtinKinds, formatKpiValue, headlineOf, kpiCatalogue, kpiRows, type KpiDescriptor } from '../../../sim/index.ts';
import type { RunResult } from '../../run/run-scenario.ts';
import { describeCauses, describeStall } from '../../run/run-failures.ts';

/** Causes of rejected commands listed in the table (the JSON has them all). */
const CAUSES_SHOWN = 8;

/**
 * A two-column plain-text table of a run's KPIs, for terminals and CI logs. The KPI rows are
 * drawn from the KPIs' metadata and show only what the scenario has (a line: units/h, OEE and
 * its machines; sortation: parcels/h; a warehouse: orders/h), headline KPIs first.
 */
export function formatKpiTable(result: RunResult): string {
  const k = result.kpis;
  const catalogue = kpiCatalogue(builtinKinds, result.things, k);
  const rejected = catalogue.find((d) => d.key === 'commandsRejected')!;
  const headline = headlineOf(catalogue);
  const rows: Array<[string, string]> = [
    ['scenario', `${result.scenario}  seed ${result.seed}  controller ${result.controller}${result.robots > 0 ? `  robots ${result.robots}` : ''}`],
    ['simulated', `${result.simulatedSec.toFixed(0)} s (${result.ticks} ticks) in ${result.wallSec.toFixed(2)} s wall, ${result.realTimeFactor}× real time`],
    ...(headline.length > 0 ? [['headline', headline.map((d) => headlineText(d, k)).join(', ')] as [string, string]] : []),
    ...kpiRows(
      catalogue.filter((d) => d !== rejected),
      k,
    ).map((r): [string, string] => [r.label, r.value]),
    ...bottleneckRows(k),
    [
      'controller',
      `${result.controller} (${
        result.pipelineLatencySec !== undefined
          ? `pipelined in a worker thread: commands act ${result.pipelineLatencySec.toFixed(3)} s after their observation`
          : result.isolated
            ? 'isolated in a worker thread'
            : 'in-thread'
      })`,
    ],
    ...(result.cellController ? ([['cell controller', result.cellController]] as Array<[string, string]>) : []),
    ...failureRows(result),
    [rejected.title, formatKpiValue(rejected, k.commandsRejected)],
    ...describeCauses(result.failures.rejections.byCause)
      .slice(0, CAUSES_SHOWN)
      .map((line): [string, string] => ['', `  ${line}`]),
    [
      'tick time',
      `${result.timing.tickMs.toFixed(3)} ms (physics ${result.timing.physicsMs.toFixed(3)}, controller ${result.timing.controllerMs.toFixed(3)}, other ${result.timing.otherMs.toFixed(3)})`,
    ],
    ['state hash', result.hash],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

function headlineText(d: KpiDescriptor, k: RunResult['kpis']): string {
  const v = d.read(k);
  return `${d.title} ${v === undefined ? '–' : formatKpiValue(d, v)}`;
}

function failureRows(result: RunResult): Array<[string, string]> {
  const f = result.failures;
  const rows: Array<[string, string]> = [];
  const first = f.controllerFailed.first;
  rows.push(['controller failures', first ? `${f.controllerFailed.count} (first at tick ${first.tick}: ${first.message})` : 'none']);
  if (f.stopped) rows.push(['STOPPED', `at tick ${f.stopped.tick} by the ${f.stopped.by}: ${f.stopped.reason}`]);
  if (f.stalled) rows.push(['STALLED', describeStall(f.stalled)]);
  return rows;
}

/** The line's bottleneck by the active-period method (`bottleneck  M2 by active periods (M2 sole 57.0 %, shifting 26.6 %; …)`), when the run has a line. */
function bottleneckRows(k: RunResult['kpis']): Array<[string, string]> {
  const machine = k.things?.machine;
  if (!machine || machine.bottleneckMachine === undefined) return [];
  const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)} %`;
  const names = Object.keys(machine)
    .filter((key) => key.endsWith('.oee'))
    .map((key) => key.slice(0, -4));
  const share = (n: string) => (machine[`${n}.bottleneckSole`] ?? 0) + (machine[`${n}.bottleneckShifting`] ?? 0);
  const ranked = names.filter((n) => share(n) > 0).sort((a, b) => share(b) - share(a));
  const described = ranked.map((n) => `${n} sole ${pct(machine[`${n}.bottleneckSole`])}, shifting ${pct(machine[`${n}.bottleneckShifting`])}`);
  return [['bottleneck', `${names[machine.bottleneckMachine] ?? '—'} by active periods (${described.join('; ')})`]];
}
