import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { builtinKpiKinds, headlineOf, kpiCatalogue, kpiRows, type KpiDescriptor, type Kpis, type ThingCounts } from '../../sim/page-api.ts';

/** Chart points are taken at most this often, simulated seconds. */
const CHART_EVERY_SEC = 30;

/** Orders/h: what the chart shows before a scene names its headline KPI, and for replays. */
const ORDERS_PER_HOUR = { title: 'Throughput (orders/h)', read: (k: Kpis) => k.throughputPerHour };

/**
 * The KPI list and the chart of the scenario's headline KPI over time. Rows are drawn from the
 * KPIs' metadata and show what the scene has: a line its units/h, OEE and machines, sortation its
 * parcels/h, a warehouse its orders/h; nothing that is zero only because the scene lacks it.
 */
export class KpiPanel {
  private readonly chart: uPlot;
  private readonly chartTitle: HTMLElement | null;
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  /** The KPIs last shown (tests read them). */
  shown: Kpis | null = null;
  /** Value cells by row label, built once per set of rows; only changed text is rewritten. */
  private cells: HTMLElement[] | null = null;
  private labels = '';
  private counts: ThingCounts = {};
  private charted = ORDERS_PER_HOUR;

  constructor(
    private readonly list: HTMLElement,
    chartHost: HTMLElement,
  ) {
    this.chartTitle = chartHost.parentElement?.querySelector('h2') ?? null;
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

  /**
   * The scene whose KPIs come next: its things decide the rows, its headline KPI (the first of
   * `headlineKpisOf`) the chart. Without thing counts, only orders are assumed.
   */
  setScene(counts: ThingCounts): void {
    this.counts = counts;
    const headline: KpiDescriptor | undefined = headlineOf(kpiCatalogue(builtinKpiKinds, counts))[0];
    this.charted = headline ? { title: chartTitleOf(headline), read: (k) => headline.read(k) ?? 0 } : ORDERS_PER_HOUR;
    if (this.chartTitle) this.chartTitle.textContent = this.charted.title;
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
      this.labels = '';
      return;
    }
    const rows = panelRows(this.counts, k);
    const labels = rows.map(([label]) => label).join('\n');
    if (!this.cells || labels !== this.labels) {
      // Elements with text content (kind KPI names come from the scenario's kinds): never markup.
      this.list.replaceChildren();
      this.labels = labels;
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
      this.ys.push(this.charted.read(k));
      this.chart.setData([this.xs, this.ys]);
    }
  }

  /** Replaces the chart with a precomputed orders/h series (replays). */
  setSeries(minutes: number[], perHour: number[]): void {
    this.charted = ORDERS_PER_HOUR;
    if (this.chartTitle) this.chartTitle.textContent = ORDERS_PER_HOUR.title;
    this.xs.splice(0, this.xs.length, ...minutes);
    this.ys.splice(0, this.ys.length, ...perHour);
    this.chart.setData([this.xs, this.ys]);
  }
}

function chartTitleOf(d: KpiDescriptor): string {
  const title = d.title.charAt(0).toUpperCase() + d.title.slice(1);
  return d.unit ? `${title} (${d.unit})` : title;
}

/** The panel's rows: label (capitalised title) and formatted value, then the simulated time. */
function panelRows(counts: ThingCounts, k: Kpis): Array<[string, string]> {
  const rows = kpiRows(kpiCatalogue(builtinKpiKinds, counts, k), k).map((r): [string, string] => [r.label.charAt(0).toUpperCase() + r.label.slice(1), r.value]);
  return [...rows, ['Simulated', `${k.simulatedSec.toFixed(0)} s`]];
}
