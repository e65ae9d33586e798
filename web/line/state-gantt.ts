import { MACHINE_STATES } from '../../sim/page-api.ts';
import { MACHINE_STATE_COLORS } from '../render/kinds/machine-renderer.ts';
import { pixelsPerState, stateSecondsPerColumn } from './gantt-columns.ts';
import type { LineTimeline } from './line-timeline.ts';

/** Layout of the chart, CSS pixels. */
export const GANTT = { labelPx: 56, rowPx: 16, gapPx: 4, axisPx: 16 } as const;

const css = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

/**
 * The state Gantt chart of every machine on a canvas: one row per machine (spec order), time
 * from the line's start to now left to right, each pixel column coloured by the states the machine
 * was in during that slice of time (stacked in proportion when several share it, so the coloured
 * area is the time share), machine names on the left, simulated minutes below, the warm-up marked
 * on the axis.
 */
export class StateGantt {
  constructor(readonly canvas: HTMLCanvasElement) {}

  /** Width of the time area, device pixels (one column of the chart each). */
  get plotColumns(): number {
    return Math.max(0, this.canvas.width - GANTT.labelPx);
  }

  /** Redraws from `timeline` up to `nowSec`; the canvas is sized to its CSS width (device pixel ratio 1: one column per pixel). */
  draw(timeline: LineTimeline, nowSec: number): void {
    const rows = timeline.machines.length;
    const width = Math.max(GANTT.labelPx + 10, Math.floor(this.canvas.clientWidth || this.canvas.width));
    const height = rows * (GANTT.rowPx + GANTT.gapPx) + GANTT.axisPx;
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    this.canvas.style.height = `${height}px`;
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, width, height);
    const from = timeline.startSec;
    const cols = this.plotColumns;
    const S = MACHINE_STATES.length;
    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    timeline.machines.forEach((track, m) => {
      const y0 = m * (GANTT.rowPx + GANTT.gapPx);
      g.fillStyle = '#cbd5e1';
      g.fillText(track.name, 2, y0 + GANTT.rowPx / 2, GANTT.labelPx - 6);
      if (!(nowSec > from)) return;
      const seconds = stateSecondsPerColumn(track, from, nowSec, cols);
      for (let c = 0; c < cols; c++) {
        const px = pixelsPerState(seconds, c * S, GANTT.rowPx);
        let y = y0;
        for (let s = 0; s < S; s++) {
          if (px[s] === 0) continue;
          g.fillStyle = css(MACHINE_STATE_COLORS[MACHINE_STATES[s]!]);
          g.fillRect(GANTT.labelPx + c, y, 1, px[s]!);
          y += px[s]!;
        }
      }
    });
    this.drawAxis(g, timeline, from, nowSec, rows * (GANTT.rowPx + GANTT.gapPx));
  }

  private drawAxis(g: CanvasRenderingContext2D, timeline: LineTimeline, from: number, nowSec: number, y: number): void {
    const cols = this.plotColumns;
    const span = nowSec - from;
    if (!(span > 0) || cols <= 0) return;
    const xOf = (sec: number) => GANTT.labelPx + ((sec - from) / span) * cols;
    if (timeline.warmupSec > from) {
      g.fillStyle = '#334155';
      g.fillRect(GANTT.labelPx, y, Math.max(1, Math.min(cols, xOf(timeline.warmupSec) - GANTT.labelPx)), 3);
    }
    g.fillStyle = '#94a3b8';
    g.textBaseline = 'top';
    const stepMin = niceStep(span / 60 / 6);
    for (let min = Math.ceil(from / 60 / stepMin) * stepMin; min * 60 <= nowSec; min += stepMin) {
      const x = xOf(min * 60);
      g.fillRect(Math.round(x), y, 1, 4);
      g.fillText(`${+min.toFixed(3)}`, Math.min(x + 2, GANTT.labelPx + cols - 24), y + 4);
    }
    g.fillText('min', 2, y + 4);
  }
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const k of [1, 2, 5, 10]) if (k * p >= raw) return k * p;
  return 10 * p;
}
