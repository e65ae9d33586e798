import type { Cell, EditorDoc } from './editor-doc.ts';
import type { IssueLocation } from './issue-location.ts';
import { floorPointOf, type FloorPlan, type ImagePoint } from './floor-plan.ts';
import { brushOf } from './palette.ts';
import { sectionOf, type PlacedThing } from './placed-things.ts';

/** Zoom limits, screen pixels per cell. */
const MIN_CELL_PX = 2;
const MAX_CELL_PX = 96;
/** Hit radius of a thing's marker, pixels. */
const THING_HIT_PX = 10;

/** What the canvas draws on top of the cells. */
export interface Overlay {
  problems: readonly IssueLocation[];
  things: readonly PlacedThing[];
  selected: PlacedThing | null;
  /** The rectangle being dragged, corner to corner, with the brush it fills with. */
  rect: { a: Cell; b: Cell; ch: string } | null;
  /** The cell under the pointer. */
  hover: Cell | null;
  /** A floor-plan image under the grid, and the reference points picked on it. */
  plan: { plan: FloorPlan; image: CanvasImageSource } | null;
  refPoints: readonly ImagePoint[];
}

/**
 * The top-down drawing of the grid: one square per cell in its brush colour, one-way arrows and
 * letters when zoomed in enough, problems outlined in red, placed things as marks. Owns the view
 * transform (zoom about a point, pan) and maps screen points to cells and metres.
 */
export class EditorCanvas {
  /** Screen pixels per cell (CSS pixels). */
  cellPx = 24;
  /** CSS pixel offset of cell (0, 0)'s north-west corner from the canvas's top-left. */
  originX = 20;
  originY = 20;
  private overlay: Overlay = { problems: [], things: [], selected: null, rect: null, hover: null, plan: null, refPoints: [] };
  private pending = false;
  /** Frames drawn (tests wait for a draw after a change). */
  draws = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly doc: EditorDoc,
  ) {}

  /** Fits the whole floor into the canvas. */
  fit(): void {
    const { width, height } = this.cssSize();
    const px = Math.min((width - 40) / Math.max(1, this.doc.cols), (height - 40) / Math.max(1, this.doc.rows));
    this.cellPx = clamp(Math.floor(px), MIN_CELL_PX, MAX_CELL_PX);
    this.originX = Math.round((width - this.cellPx * this.doc.cols) / 2);
    this.originY = Math.round((height - this.cellPx * this.doc.rows) / 2);
    this.request();
  }

  /** Zooms by `factor` keeping the point under (x, y) (CSS pixels in the canvas) in place. */
  zoomAt(x: number, y: number, factor: number): void {
    const next = clamp(this.cellPx * factor, MIN_CELL_PX, MAX_CELL_PX);
    const k = next / this.cellPx;
    this.originX = x - (x - this.originX) * k;
    this.originY = y - (y - this.originY) * k;
    this.cellPx = next;
    this.request();
  }

  panBy(dx: number, dy: number): void {
    this.originX += dx;
    this.originY += dy;
    this.request();
  }

  setOverlay(patch: Partial<Overlay>): void {
    this.overlay = { ...this.overlay, ...patch };
    this.request();
  }

  /** The cell under a point (CSS pixels in the canvas), or null outside the grid. */
  cellAt(x: number, y: number): Cell | null {
    const col = Math.floor((x - this.originX) / this.cellPx);
    const row = Math.floor((y - this.originY) / this.cellPx);
    return row >= 0 && col >= 0 && row < this.doc.rows && col < this.doc.cols ? { row, col } : null;
  }

  /** The cell under a point, clamped into the grid (a rectangle dragged past the edge). */
  clampedCellAt(x: number, y: number): Cell {
    return {
      row: clamp(Math.floor((y - this.originY) / this.cellPx), 0, this.doc.rows - 1),
      col: clamp(Math.floor((x - this.originX) / this.cellPx), 0, this.doc.cols - 1),
    };
  }

  /** Canvas point (CSS pixels) of a cell's centre. */
  cellCenter(cell: Cell): { x: number; y: number } {
    return { x: this.originX + (cell.col + 0.5) * this.cellPx, y: this.originY + (cell.row + 0.5) * this.cellPx };
  }

  /** Canvas point of a position in metres. */
  pointOfM(xM: number, zM: number): { x: number; y: number } {
    const cellM = this.doc.spec.layout.cellM || 1;
    return { x: this.originX + (xM / cellM) * this.cellPx, y: this.originY + (zM / cellM) * this.cellPx };
  }

  /** Metres per CSS pixel. */
  get metresPerPx(): number {
    return (this.doc.spec.layout.cellM || 1) / this.cellPx;
  }

  /** The placed thing whose mark is under a point, topmost first. */
  thingAt(x: number, y: number): PlacedThing | null {
    let best: PlacedThing | null = null;
    let bestD = THING_HIT_PX;
    for (const t of this.overlay.things) {
      const p = this.pointOfM(t.xM, t.zM);
      const d = Math.hypot(p.x - x, p.y - y);
      if (d <= bestD) {
        best = t;
        bestD = d;
      }
    }
    return best;
  }

  /** Asks for a redraw on the next animation frame. */
  request(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private cssSize(): { width: number; height: number } {
    const r = this.canvas.getBoundingClientRect();
    return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
  }

  private draw(): void {
    const { width, height } = this.cssSize();
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(height * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
    }
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = '#0f172a';
    g.fillRect(0, 0, width, height);
    const px = this.cellPx;
    const rows = this.doc.rows;
    const cols = this.doc.cols;
    const r0 = clamp(Math.floor(-this.originY / px), 0, rows);
    const r1 = clamp(Math.ceil((height - this.originY) / px), 0, rows);
    const c0 = clamp(Math.floor(-this.originX / px), 0, cols);
    const c1 = clamp(Math.ceil((width - this.originX) / px), 0, cols);
    const glyphs = px >= 12;
    const plan = this.overlay.plan;
    if (plan) {
      const cellM = this.doc.spec.layout.cellM || 1;
      const p = this.pointOfM(plan.plan.xM, plan.plan.zM);
      const k = (plan.plan.mPerPx / cellM) * px;
      g.drawImage(plan.image, p.x, p.y, plan.plan.widthPx * k, plan.plan.heightPx * k);
      g.globalAlpha = 1 - plan.plan.opacity;
    }
    g.font = `bold ${Math.floor(px * 0.6)}px system-ui, sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const ch = this.doc.charAt(r, c)!;
        const brush = brushOf(ch);
        const x = this.originX + c * px;
        const y = this.originY + r * px;
        g.fillStyle = brush.color;
        g.fillRect(x, y, px, px);
        if (glyphs && brush.glyph) {
          g.fillStyle = brush.glyph;
          g.fillText(ARROWS[ch] ?? ch, x + px / 2, y + px / 2 + 1);
        }
      }
    }
    g.globalAlpha = 1;
    if (plan) {
      g.strokeStyle = '#f43f5e';
      g.lineWidth = 2;
      this.overlay.refPoints.forEach((r, i) => {
        const m = floorPointOf(plan.plan, r);
        const q = this.pointOfM(m.xM, m.zM);
        g.beginPath();
        g.moveTo(q.x - 8, q.y);
        g.lineTo(q.x + 8, q.y);
        g.moveTo(q.x, q.y - 8);
        g.lineTo(q.x, q.y + 8);
        g.stroke();
        g.fillStyle = '#f43f5e';
        g.fillText(i === 0 ? 'A' : 'B', q.x + 12, q.y - 10);
      });
    }
    if (px >= 8) {
      g.strokeStyle = 'rgba(15, 23, 42, 0.18)';
      g.lineWidth = 1;
      g.beginPath();
      for (let r = r0; r <= r1; r++) {
        g.moveTo(this.originX + c0 * px, Math.round(this.originY + r * px) + 0.5);
        g.lineTo(this.originX + c1 * px, Math.round(this.originY + r * px) + 0.5);
      }
      for (let c = c0; c <= c1; c++) {
        g.moveTo(Math.round(this.originX + c * px) + 0.5, this.originY + r0 * px);
        g.lineTo(Math.round(this.originX + c * px) + 0.5, this.originY + r1 * px);
      }
      g.stroke();
    }
    const o = this.overlay;
    if (o.rect) {
      const rr0 = Math.min(o.rect.a.row, o.rect.b.row);
      const cc0 = Math.min(o.rect.a.col, o.rect.b.col);
      const w = (Math.abs(o.rect.a.col - o.rect.b.col) + 1) * px;
      const h = (Math.abs(o.rect.a.row - o.rect.b.row) + 1) * px;
      g.globalAlpha = 0.6;
      g.fillStyle = brushOf(o.rect.ch).color;
      g.fillRect(this.originX + cc0 * px, this.originY + rr0 * px, w, h);
      g.globalAlpha = 1;
      g.strokeStyle = '#f8fafc';
      g.setLineDash([4, 3]);
      g.strokeRect(this.originX + cc0 * px + 0.5, this.originY + rr0 * px + 0.5, w - 1, h - 1);
      g.setLineDash([]);
    }
    this.drawThings(g);
    g.strokeStyle = '#ef4444';
    g.lineWidth = Math.max(2, px / 8);
    for (const p of o.problems) {
      if (p.kind === 'cell') g.strokeRect(this.originX + p.col * px + 1, this.originY + p.row * px + 1, px - 2, px - 2);
      else if (p.kind === 'row') g.strokeRect(this.originX + 1, this.originY + p.row * px + 1, cols * px - 2, px - 2);
    }
    if (o.hover) {
      g.strokeStyle = '#f8fafc';
      g.lineWidth = 1;
      g.strokeRect(this.originX + o.hover.col * px + 0.5, this.originY + o.hover.row * px + 0.5, px - 1, px - 1);
    }
    this.draws++;
  }

  private drawThings(g: CanvasRenderingContext2D): void {
    const o = this.overlay;
    const r = Math.max(5, Math.min(14, this.cellPx * 0.35));
    g.font = `bold ${Math.round(r * 1.1)}px system-ui, sans-serif`;
    for (const t of o.things) {
      const s = sectionOf(t.section)!;
      const bad = o.problems.some((p) => p.kind === 'thing' && p.section === t.section && p.index === t.index);
      const selected = o.selected?.section === t.section && o.selected.index === t.index;
      if (t.ends) {
        const a = this.pointOfM(t.ends.x0, t.ends.z0);
        const b = this.pointOfM(t.ends.x1, t.ends.z1);
        g.strokeStyle = s.color;
        g.lineWidth = Math.max(3, r * 0.7);
        g.beginPath();
        g.moveTo(a.x, a.y);
        g.lineTo(b.x, b.y);
        g.stroke();
      }
      const p = this.pointOfM(t.xM, t.zM);
      g.fillStyle = s.color;
      g.beginPath();
      g.arc(p.x, p.y, r, 0, Math.PI * 2);
      g.fill();
      g.lineWidth = selected || bad ? 3 : 1.5;
      g.strokeStyle = bad ? '#ef4444' : selected ? '#f8fafc' : '#0f172a';
      g.stroke();
      g.fillStyle = '#0f172a';
      g.fillText(s.mark, p.x, p.y + 1);
      if (this.cellPx >= 14) {
        g.fillStyle = '#f8fafc';
        g.fillText(t.name, p.x, p.y - r - 8);
      }
    }
  }
}

/** Arrows drawn for the one-way lane characters. */
const ARROWS: Readonly<Record<string, string>> = { '^': '↑', '>': '→', v: '↓', '<': '←' };

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
