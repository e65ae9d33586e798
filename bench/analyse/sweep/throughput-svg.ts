import type { FleetAnswer } from './fleet-answer.ts';
import { findKnee, type Point } from './knee.ts';

/** A point of a plotted line: the mean and, optionally, the 95 % CI half-width around it. */
export interface PlotPoint extends Point {
  ci95?: number;
}

/** One line of the plot: a layout's mean throughput per fleet size. */
export interface PlotSeries {
  name: string;
  points: PlotPoint[];
  /** When given, the answer is marked instead of the knee: a ring at the fleet size and its interval on the axis. */
  answer?: FleetAnswer | undefined;
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/**
 * An SVG line plot of throughput (orders/h) against fleet size, one line per layout: the mean over
 * seeds with a shaded 95 % confidence band, and each line's "how many robots?" answer (see
 * `fleetAnswer`) marked by a ring, its bootstrap interval as a bar under the curve and the
 * 95 %-of-plateau level as a dashed line, or, without an answer, its knee (see {@link findKnee}).
 */
export function throughputSvg(title: string, series: readonly PlotSeries[]): string {
  const width = 760;
  const height = 440;
  const m = { left: 64, right: 180, top: 40, bottom: 52 };
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map((p) => p.x));
  const yMax = niceCeil(Math.max(1, ...all.map((p) => p.y + (p.ci95 ?? 0))));
  const sx = (x: number) => m.left + (x / xMax) * (width - m.left - m.right);
  const sy = (y: number) => height - m.bottom - (y / yMax) * (height - m.top - m.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${m.left}" y="24" font-size="15" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const y = (yMax * i) / 5;
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${sy(y)}" y2="${sy(y)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 8}" y="${sy(y) + 4}" text-anchor="end">${fmt(y)}</text>`);
  }
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  for (const x of xs) out.push(`<text x="${sx(x)}" y="${height - m.bottom + 18}" text-anchor="middle">${x}</text>`);
  out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${sy(0)}" y2="${sy(0)}" stroke="#333"/>`);
  out.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${sy(0)}" stroke="#333"/>`);
  out.push(`<text x="${(m.left + width - m.right) / 2}" y="${height - 12}" text-anchor="middle">fleet size (robots)</text>`);
  out.push(`<text transform="translate(16 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">throughput (orders/h)</text>`);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (pts.some((p) => (p.ci95 ?? 0) > 0)) {
      const upper = pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y + (p.ci95 ?? 0)).toFixed(1)}`);
      const lower = [...pts].reverse().map((p) => `${sx(p.x).toFixed(1)},${sy(Math.max(0, p.y - (p.ci95 ?? 0))).toFixed(1)}`);
      out.push(
        `<polygon class="band" data-layout="${esc(s.name)}" fill="${colour}" fill-opacity="0.18" stroke="none" points="${[...upper, ...lower].join(' ')}"/>`,
      );
    }
    out.push(
      `<polyline class="series" data-layout="${esc(s.name)}" fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const p of pts) out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${colour}"/>`);
    const a = s.answer;
    const hit = a ? pts.find((p) => p.x === a.robots) : undefined;
    if (a && hit) {
      const level = sy(a.share * a.plateauPerHour);
      out.push(
        `<line class="plateau-share" data-layout="${esc(s.name)}" x1="${m.left}" x2="${width - m.right}" y1="${level.toFixed(1)}" y2="${level.toFixed(1)}" stroke="${colour}" stroke-dasharray="4 4"/>`,
      );
      out.push(
        `<line class="answer-interval" data-layout="${esc(s.name)}" x1="${sx(a.robotsLow).toFixed(1)}" x2="${sx(a.robotsHigh).toFixed(1)}" y1="${(sy(0) - 6 - i * 6).toFixed(1)}" y2="${(sy(0) - 6 - i * 6).toFixed(1)}" stroke="${colour}" stroke-width="4"/>`,
      );
      out.push(
        `<circle class="answer" data-layout="${esc(s.name)}" data-robots="${a.robots}" cx="${sx(hit.x).toFixed(1)}" cy="${sy(hit.y).toFixed(1)}" r="8" fill="none" stroke="${colour}" stroke-width="2"/>`,
      );
      out.push(
        `<text x="${(sx(hit.x) + 10).toFixed(1)}" y="${(sy(hit.y) + 18).toFixed(1)}" fill="${colour}">${a.robots} robots (${a.robotsLow}–${a.robotsHigh})</text>`,
      );
    } else {
      const knee = findKnee(pts);
      if (knee !== null) {
        const p = pts[knee]!;
        out.push(
          `<circle class="knee" data-layout="${esc(s.name)}" data-robots="${p.x}" cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="8" fill="none" stroke="${colour}" stroke-width="2"/>`,
        );
        out.push(`<text x="${(sx(p.x) + 10).toFixed(1)}" y="${(sy(p.y) - 10).toFixed(1)}" fill="${colour}">knee ${p.x}</text>`);
      }
    }
    const ly = m.top + 8 + i * 20;
    out.push(`<line x1="${width - m.right + 16}" x2="${width - m.right + 40}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${width - m.right + 46}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  out.push('</svg>', '');
  return out.join('\n');
}

function niceCeil(v: number): number {
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
