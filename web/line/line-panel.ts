import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './line-panel.css';
import { MACHINE_STATES, type Kpis, type SimEvent } from '../../sim/page-api.ts';
import { MACHINE_STATE_COLORS } from '../render/kinds/machine-renderer.ts';
import { bottleneckVerdict, type BottleneckVerdict } from './bottleneck-verdict.ts';
import { LineTimeline, type MachineStateName } from './line-timeline.ts';
import { GANTT, StateGantt } from './state-gantt.ts';

/** Height of the WIP chart, CSS pixels. */
const WIP_HEIGHT_PX = 80;

/** What the panel shows at one instant (tests and the README screenshot read it). */
export interface LineChartsView {
  /** Simulated second the charts run to (the shown KPIs' `simulatedSec`). */
  nowSec: number;
  /** Start of the share window: the line's start or the warm-up's end. */
  windowStartSec: number;
  machines: Array<{ name: string; shares: Record<MachineStateName, number> }>;
  verdict: BottleneckVerdict | null;
  wip: { nowUnits: number; averageUnits: number; points: number };
}

/** States shown as share columns beside the Gantt chart (every state: a row sums to 100 %). */
const SHARE_COLUMNS: readonly MachineStateName[] = MACHINE_STATES;

/**
 * The production line's panel, for a scene with machines: the bottleneck verdict (active-period
 * method, with sole and shifting shares, from the sim's machine KPIs), the state Gantt chart of
 * every machine with each machine's share of time per state, and WIP (units in the line) over
 * time as a step chart (uPlot). Everything is folded from the episode's events; the charts are
 * redrawn with each KPI refresh, up to the KPIs' simulated time.
 */
export class LinePanel {
  private timeline = new LineTimeline();
  private episode = -1;
  private readonly gantt: StateGantt;
  private readonly wipChart: uPlot;
  private readonly verdictText: HTMLElement;
  private readonly shareRows: HTMLElement;
  private readonly wipHost: HTMLElement;
  /** The last view drawn. */
  shown: LineChartsView | null = null;
  private lastKpis: Kpis | null = null;

  constructor(readonly root: HTMLElement) {
    root.hidden = true;
    const head = el('div', 'line-head');
    const title = el('h2');
    title.textContent = 'Line';
    const verdictLabel = el('span');
    this.verdictText = el('strong', 'line-verdict');
    this.verdictText.textContent = '—';
    verdictLabel.append('Bottleneck: ', this.verdictText);
    const legend = el('ul', 'line-legend');
    for (const s of MACHINE_STATES) {
      const swatch = el('span');
      swatch.style.background = `#${MACHINE_STATE_COLORS[s].toString(16).padStart(6, '0')}`;
      const li = el('li');
      li.append(swatch, s);
      legend.append(li);
    }
    const fold = el('button', 'line-fold');
    fold.type = 'button';
    fold.textContent = 'Hide charts';
    fold.addEventListener('click', () => {
      const folded = root.classList.toggle('folded');
      fold.textContent = folded ? 'Show charts' : 'Hide charts';
      if (!folded) this.show(this.lastKpis);
    });
    head.append(title, verdictLabel, legend, fold);
    const body = el('div', 'line-body');
    const canvas = el('canvas', 'line-gantt');
    const table = el('table', 'line-shares');
    const headRow = el('tr');
    headRow.append(el('th'), ...SHARE_COLUMNS.map((s) => Object.assign(el('th'), { textContent: s })));
    const thead = el('thead');
    thead.append(headRow);
    this.shareRows = el('tbody');
    table.append(thead, this.shareRows);
    const charts = el('div', 'line-charts');
    const wipTitle = el('div', 'line-wip-title');
    wipTitle.textContent = 'WIP (units in the line)';
    this.wipHost = el('div', 'line-wip');
    charts.append(canvas, wipTitle, this.wipHost);
    body.append(charts, table);
    root.append(head, body);
    this.gantt = new StateGantt(canvas);
    this.wipChart = new uPlot(
      {
        width: 600,
        height: WIP_HEIGHT_PX,
        legend: { show: false },
        // No side padding: the plot spans the same x as the Gantt chart's time area.
        padding: [6, 0, 0, 0],
        scales: { x: { time: false } },
        axes: [
          { stroke: '#94a3b8', grid: { stroke: '#1f2937' }, size: 22 },
          // As wide as the Gantt chart's name column: both plots start at the same x.
          { stroke: '#94a3b8', grid: { stroke: '#1f2937' }, size: GANTT.labelPx },
        ],
        series: [{}, { stroke: '#38bdf8', width: 1.5, paths: uPlot.paths.stepped!({ align: 1 }) }],
      },
      [[], []],
      this.wipHost,
    );
  }

  /** A new episode: forgets the old one's line; shown only once the episode reports a line. */
  reset(episode: number): void {
    this.episode = episode;
    this.timeline = new LineTimeline();
    this.shown = null;
    this.lastKpis = null;
    this.root.hidden = true;
    this.shareRows.replaceChildren();
    this.verdictText.textContent = '—';
    this.wipChart.setData([[], []]);
  }

  /** Folds a batch of the current episode's events in. */
  add(episode: number, events: readonly SimEvent[]): void {
    if (episode === this.episode) this.timeline.add(events);
  }

  /** Redraws everything up to the KPIs' simulated time, with their bottleneck verdict. */
  show(k: Kpis | null): void {
    const t = this.timeline;
    this.lastKpis = k;
    if (!k || !t.hasLine || t.machines.length === 0) return;
    this.root.hidden = false;
    const nowSec = Math.max(k.simulatedSec, t.startSec);
    const names = t.machines.map((m) => m.name);
    const verdict = bottleneckVerdict(k.things?.machine, names);
    this.verdictText.textContent = verdict?.text ?? '—';
    const machines = t.machines.map((m, i) => ({ name: m.name, shares: t.sharesAt(i, nowSec) }));
    // Folded: only the verdict shows; the charts are drawn again when unfolded.
    if (!this.root.classList.contains('folded')) {
      this.gantt.draw(t, nowSec);
      this.renderShares(machines);
      this.drawWip(nowSec);
    }
    this.shown = {
      nowSec,
      windowStartSec: t.windowStartSec,
      machines,
      verdict,
      wip: { nowUnits: t.wipNowUnits, averageUnits: t.wipAverageAt(nowSec), points: t.wipSec.length },
    };
  }

  private renderShares(machines: LineChartsView['machines']): void {
    if (this.shareRows.children.length !== machines.length) {
      this.shareRows.replaceChildren(
        ...machines.map((m) => {
          const tr = document.createElement('tr');
          const th = document.createElement('th');
          th.textContent = m.name;
          tr.append(th, ...SHARE_COLUMNS.map((s) => Object.assign(document.createElement('td'), { className: `share-${s}` })));
          return tr;
        }),
      );
    }
    machines.forEach((m, i) => {
      const cells = this.shareRows.children[i]!.querySelectorAll('td');
      SHARE_COLUMNS.forEach((s, j) => {
        const text = `${(m.shares[s] * 100).toFixed(1)} %`;
        if (cells[j]!.textContent !== text) cells[j]!.textContent = text;
      });
    });
  }

  private drawWip(nowSec: number): void {
    const t = this.timeline;
    // Step series in simulated minutes, carried on to now.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < t.wipSec.length && t.wipSec[i]! <= nowSec; i++) {
      xs.push(t.wipSec[i]! / 60);
      ys.push(t.wipUnits[i]!);
    }
    if (ys.length > 0) {
      xs.push(nowSec / 60);
      ys.push(ys[ys.length - 1]!);
    }
    const width = Math.max(200, Math.floor(this.wipHost.clientWidth || 600));
    if (this.wipChart.width !== width) this.wipChart.setSize({ width, height: WIP_HEIGHT_PX });
    this.wipChart.setData([xs, ys]);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
