import type { SpecIssue } from '../../sim/page-api.ts';
import { floorPointOf, type FloorPlan } from './floor-plan.ts';
import type { CheckState, EditorMode } from './editor-mode.ts';

/** What end-to-end tests read from the layout editor (`window.__testfieldEditor`). */
export interface EditorTestHook {
  isOpen(): boolean;
  /** `ok` once the newest drawing is checked and has no problem. */
  state(): CheckState;
  revision(): number;
  issues(): SpecIssue[];
  /** The scenario file text Save would download. */
  text(): string;
  /** Client coordinates of a cell's centre. */
  cellClientXY(row: number, col: number): { x: number; y: number };
  /** Client coordinates of a position in metres. */
  pointClientXY(xM: number, zM: number): { x: number; y: number };
  /** The floor plan under the grid (placement and scale), or null. */
  plan(): FloorPlan | null;
  /** Client coordinates of an image pixel of the floor plan. */
  planClientXY(px: number, py: number): { x: number; y: number } | null;
  /** Frames the drawing has been drawn (a pixel check waits for one after a change). */
  draws(): number;
}

declare global {
  interface Window {
    __testfieldEditor?: EditorTestHook;
  }
}

/** Installs `window.__testfieldEditor`. */
export function installEditorTestHook(editor: EditorMode): void {
  window.__testfieldEditor = {
    isOpen: () => editor.isOpen,
    state: () => editor.state,
    revision: () => editor.revision,
    issues: () => editor.issues.map((i) => ({ ...i })),
    text: () => editor.doc.text(),
    cellClientXY: (row, col) => editor.cellClientXY(row, col),
    pointClientXY: (xM, zM) => editor.pointClientXY(xM, zM),
    draws: () => editor.canvas.draws,
    plan: () => (editor.floorPlan.plan ? { ...editor.floorPlan.plan.plan } : null),
    planClientXY: (px, py) => {
      const plan = editor.floorPlan.plan;
      if (!plan) return null;
      const m = floorPointOf(plan.plan, { px, py });
      return editor.pointClientXY(m.xM, m.zM);
    },
  };
}
