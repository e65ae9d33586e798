import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Kpis } from '../../sim/page-api.ts';

/** Chart points are taken at most this often, simulated seconds. */
const CHART_EVERY_SEC = 30;

/** The KPI list and the throughput-over-time chart. */
export class KpiPanel {
  private readonly chart: uPlot;
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  /** The KPIs last shown (tests read them). */
  shown: Kpis | null = null;
  /** Value cells in `kpiRows` order, built once per episode; only changed text is rewritten. */
  private cells: HTMLElement[] | null = null;

  constructor(private readonly list: HTMLElement, chartHost: HTMLElement) {
    this.chart = new uPlot(
      {
        width: 300,
        height: 150,
        legend: { show: false },
        scales: { x: { time: false } },
        axes: [
          { stroke: '#94a3b8', grid: { stroke: '#1f2937' }, label: 'simulated min' },
          { stroke: '#94a3b8', grid: { stroke: '#1f2937' } },
        ],
        series: [{}, { stroke: '#22c55e', width: 2 }],
      },
      [[], []],
      chartHost,
    );
  }

  /** Clears the chart for a new episode or replay. */
  reset(): void {
    this.xs.length = 0;
    this.ys.length = 0;
    this.chart.setData([[], []]);
    this.show(null);
  }

  /** Shows KPIs; adds a chart point when enough simulated time passed since the last. */
  show(k: Kpis | null): void {
    this.shown = k;
    if (!k) {
      this.list.replaceChildren();
      this.cells = null;
      return;
    }
    const rows = kpiRows(k);
    if (!this.cells || this.cells.length !== rows.length) {
      // Elements with text content (kind KPI names come from the scenario's kinds): never markup.
      this.list.replaceChildren();
      this.cells = rows.map(([name]) => {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.dataset.kpi = name;
        this.list.append(dt, dd);
        return dd;
      });
    }
    rows.forEach(([, value], i) => {
      const cell = this.cells![i]!;
      if (cell.textContent !== value) cell.textContent = value;
    });
    const minutes = k.simulatedSec / 60;
    const last = this.xs[this.xs.length - 1];
    if (last !== undefined && minutes < last) return;
    if (last === undefined || (minutes - last) * 60 >= CHART_EVERY_SEC) {
      this.xs.push(minutes);
      this.ys.push(k.throughputPerHour);
      this.chart.setData([this.xs, this.ys]);
    }
  }

  /** Replaces the chart with a precomputed series (replays). */
  setSeries(minutes: number[], perHour: number[]): void {
    this.xs.splice(0, this.xs.length, ...minutes);
    this.ys.splice(0, this.ys.length, ...perHour);
    this.chart.setData([this.xs, this.ys]);
  }
}

/** The panel's rows: label and formatted value. */
function kpiRows(k: Kpis): Array<[string, string]> {
  return [
    ['Orders delivered', `${k.ordersDelivered} / ${k.ordersReleased}`],
    ['Throughput', `${k.throughputPerHour.toFixed(1)} /h`],
    ['Cycle time p50 / p95', `${k.cycleTimeP50Sec.toFixed(1)} / ${k.cycleTimeP95Sec.toFixed(1)} s`],
    ['Utilisation', `${(k.utilisation * 100).toFixed(1)} %`],
    ['Collisions', String(k.collisions.total)],
    ['Lines picked', String(k.linesPicked)],
    ['Distance', `${k.distanceM.toFixed(0)} m`],
    ['Deadlocks', String(k.deadlocks)],
    ['Rejected commands', String(k.commandsRejected)],
    ['Simulated', `${k.simulatedSec.toFixed(0)} s`],
    ...lineRows(k),
  ];
}

/** Production-line rows, when the scenario has a line: throughput, cycle time, WIP and the bottleneck's OEE. */
function lineRows(k: Kpis): Array<[string, string]> {
  const sink = k.things?.sink;
  const machine = k.things?.machine;
  const rows: Array<[string, string]> = [];
  if (sink?.unitsCompleted !== undefined) {
    rows.push(['Line throughput', `${sink.throughputPerHour!.toFixed(1)} units/h (${sink.unitsCompleted} done)`]);
    rows.push(['Line cycle mean / p95', `${sink.cycleTimeMeanSec!.toFixed(1)} / ${sink.cycleTimeP95Sec!.toFixed(1)} s`]);
    rows.push(['WIP', `${sink.wipUnits!.toFixed(2)} units`]);
  }
  if (machine?.oee !== undefined) rows.push(['OEE (bottleneck)', `${(machine.oee * 100).toFixed(1)} % (A ${(machine.availability! * 100).toFixed(0)} · P ${(machine.performance! * 100).toFixed(0)} · Q ${(machine.quality! * 100).toFixed(0)} %)`]);
  return rows;
}
