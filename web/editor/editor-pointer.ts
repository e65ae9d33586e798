import type { Cell } from './editor-doc.ts';
import type { EditorCanvas } from './editor-canvas.ts';
import type { EditorDoc } from './editor-doc.ts';
import type { EditorTool } from './editor-tool.ts';
import type { FloorPlanPanel } from './floor-plan-panel.ts';
import type { FloorPlan } from './floor-plan.ts';
import { laneCharFor, LANE_BRUSH } from './palette.ts';
import { moveChanges, placedThings, type PlacedThing } from './placed-things.ts';

/**
 * What the pointer does on the editor's drawing: the left button works the current tool (a brush
 * stroke, a rectangle or a lane dragged out, a thing selected and dragged, the floor plan moved or
 * its reference points picked); the right or middle button, or the Pan tool, pans; the wheel zooms
 * about the pointer. A stroke, a rectangle and a move are one undo step each.
 */
/** What the pointer works on: the editor's drawing, its tool and its selection. */
export interface PointerTarget {
  readonly canvas: EditorCanvas;
  readonly doc: EditorDoc;
  readonly floorPlan: FloorPlanPanel;
  readonly tool: EditorTool;
  readonly rectFill: boolean;
  select(sel: { section: string; index: number } | null): void;
  showHover(cell: Cell): void;
}

export function wirePointer(editor: PointerTarget, canvas: HTMLCanvasElement): void {
  type Drag =
    | { kind: 'pan'; x: number; y: number }
    | { kind: 'paint'; last: Cell; ch: string }
    | { kind: 'rect'; a: Cell; ch: string }
    | { kind: 'move'; thing: PlacedThing; x: number; y: number }
    | { kind: 'plan'; x: number; y: number; plan: FloorPlan };
  let drag: Drag | null = null;
  const local = (e: PointerEvent | WheelEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('pointerdown', (e) => {
    const p = local(e);
    canvas.setPointerCapture(e.pointerId);
    if (e.button === 1 || e.button === 2 || editor.tool.kind === 'pan') {
      drag = { kind: 'pan', x: p.x, y: p.y };
      return;
    }
    if (e.button !== 0) return;
    if (editor.tool.kind === 'plan-ref' || editor.tool.kind === 'plan-move') {
      const plan = editor.floorPlan.plan;
      if (!plan) return;
      if (editor.tool.kind === 'plan-move') drag = { kind: 'plan', x: p.x, y: p.y, plan: plan.plan };
      else {
        const cellM = editor.doc.spec.layout.cellM || 1;
        editor.floorPlan.addRefPoint(
          ((p.x - editor.canvas.originX) / editor.canvas.cellPx) * cellM,
          ((p.y - editor.canvas.originY) / editor.canvas.cellPx) * cellM,
        );
      }
      return;
    }
    if (editor.tool.kind === 'select') {
      const thing = editor.canvas.thingAt(p.x, p.y);
      editor.select(thing ? { section: thing.section, index: thing.index } : null);
      if (thing) drag = { kind: 'move', thing, x: p.x, y: p.y };
      return;
    }
    const ch = editor.tool.ch;
    if (editor.rectFill || ch === LANE_BRUSH.ch) {
      const a = editor.canvas.clampedCellAt(p.x, p.y);
      drag = { kind: 'rect', a, ch };
      editor.canvas.setOverlay({ rect: { a, b: a, ch: ch === LANE_BRUSH.ch ? '.' : ch } });
      return;
    }
    const cell = editor.canvas.cellAt(p.x, p.y);
    if (!cell) return;
    editor.doc.beginStroke();
    editor.doc.paint(cell, ch);
    drag = { kind: 'paint', last: cell, ch };
  });
  canvas.addEventListener('pointermove', (e) => {
    const p = local(e);
    const hover = editor.canvas.cellAt(p.x, p.y);
    editor.canvas.setOverlay({ hover });
    if (hover) editor.showHover(hover);
    if (!drag) return;
    if (drag.kind === 'pan') {
      editor.canvas.panBy(p.x - drag.x, p.y - drag.y);
      drag.x = p.x;
      drag.y = p.y;
    } else if (drag.kind === 'paint') {
      const cell = editor.canvas.clampedCellAt(p.x, p.y);
      for (const c of cellsBetween(drag.last, cell)) editor.doc.paint(c, drag.ch);
      drag.last = cell;
    } else if (drag.kind === 'plan') {
      const m = editor.canvas.metresPerPx;
      editor.floorPlan.set({ ...drag.plan, xM: drag.plan.xM + (p.x - drag.x) * m, zM: drag.plan.zM + (p.y - drag.y) * m });
    } else if (drag.kind === 'rect') {
      const b = editor.canvas.clampedCellAt(p.x, p.y);
      const ch = drag.ch === LANE_BRUSH.ch ? (laneCharFor(b.row - drag.a.row, b.col - drag.a.col) ?? '.') : drag.ch;
      editor.canvas.setOverlay({ rect: { a: drag.a, b, ch } });
    } else {
      const dx = (p.x - drag.x) * editor.canvas.metresPerPx;
      const dz = (p.y - drag.y) * editor.canvas.metresPerPx;
      const moving = drag.thing;
      editor.canvas.setOverlay({
        things: placedThings(editor.doc.spec).map((t) => (t.section === moving.section && t.index === moving.index ? shifted(t, dx, dz) : t)),
      });
    }
  });
  const finish = (e: PointerEvent) => {
    if (!drag) return;
    const p = local(e);
    const d = drag;
    drag = null;
    if (d.kind === 'paint') editor.doc.endStroke();
    else if (d.kind === 'rect') {
      editor.canvas.setOverlay({ rect: null });
      const b = editor.canvas.clampedCellAt(p.x, p.y);
      const ch = d.ch === LANE_BRUSH.ch ? laneCharFor(b.row - d.a.row, b.col - d.a.col) : d.ch;
      if (ch) editor.doc.fillRect(d.a, b, ch);
    } else if (d.kind === 'move') {
      const dx = (p.x - d.x) * editor.canvas.metresPerPx;
      const dz = (p.y - d.y) * editor.canvas.metresPerPx;
      if (Math.hypot(p.x - d.x, p.y - d.y) < 3) return;
      editor.doc.beginStroke();
      for (const c of moveChanges(editor.doc.spec, d.thing, dx, dz)) editor.doc.set(c.path, c.value);
      editor.doc.endStroke();
    }
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);
  canvas.addEventListener('pointerleave', () => editor.canvas.setOverlay({ hover: null }));
  canvas.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const p = local(e);
      editor.canvas.zoomAt(p.x, p.y, Math.exp(-e.deltaY * 0.0015));
    },
    { passive: false },
  );
  window.addEventListener('resize', () => editor.canvas.request());
}

/** A thing drawn shifted by (dx, dz) metres (while it is dragged). */
function shifted(t: PlacedThing, dx: number, dz: number): PlacedThing {
  return {
    ...t,
    xM: t.xM + dx,
    zM: t.zM + dz,
    ...(t.ends ? { ends: { x0: t.ends.x0 + dx, z0: t.ends.z0 + dz, x1: t.ends.x1 + dx, z1: t.ends.z1 + dz } } : {}),
  };
}

/** The cells on the straight line from `a` to `b` (both included), so a fast drag leaves no gaps. */
export function cellsBetween(a: Cell, b: Cell): Cell[] {
  const n = Math.max(Math.abs(b.row - a.row), Math.abs(b.col - a.col));
  const out: Cell[] = [];
  for (let i = 0; i <= n; i++) {
    const t = n === 0 ? 0 : i / n;
    out.push({ row: Math.round(a.row + (b.row - a.row) * t), col: Math.round(a.col + (b.col - a.col) * t) });
  }
  return out;
}
