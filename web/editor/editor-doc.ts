import { scenarioFileText } from './scenario-file-text.ts';

/** A scenario spec as the editor holds it: plain JSON, the layout as ASCII rows. */
export type EditableSpec = Record<string, unknown> & { layout: { rows: string[]; cellM: number } & Record<string, unknown> };

/** Undo steps kept (each is one file text). */
const UNDO_LIMIT = 500;

/** A cell of the grid: row 0 at the top (north), columns growing east. */
export interface Cell {
  row: number;
  col: number;
}

/**
 * The scenario being edited, with undo and redo. Every change is one step, except a stroke
 * (`beginStroke` … `endStroke`: a drag of the brush) which is one step however many cells it
 * paints. A step stores the file text before it, so undo restores the file exactly.
 */
export class EditorDoc {
  private current: EditableSpec;
  private readonly undoStack: string[] = [];
  private readonly redoStack: string[] = [];
  /** File text before the open stroke; null outside a stroke. */
  private strokeStart: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(spec: EditableSpec) {
    this.current = structuredClone(spec);
  }

  /** Calls `listener` after every change (edit, undo, redo, replace). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The spec as it stands (do not mutate; use the edit methods). */
  get spec(): Readonly<EditableSpec> {
    return this.current;
  }

  get rows(): number {
    return this.current.layout.rows.length;
  }

  get cols(): number {
    return this.current.layout.rows[0]?.length ?? 0;
  }

  /** The layout character at a cell, or undefined outside the grid. */
  charAt(row: number, col: number): string | undefined {
    const line = this.current.layout.rows[row];
    return line === undefined || col < 0 || col >= line.length ? undefined : line[col];
  }

  /** The scenario file text (what Save downloads). */
  text(): string {
    return scenarioFileText(this.current);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Starts a stroke: the paints until `endStroke` undo as one step. */
  beginStroke(): void {
    if (this.strokeStart === null) this.strokeStart = this.text();
  }

  /** Ends a stroke; a stroke that changed nothing leaves no undo step. */
  endStroke(): void {
    const start = this.strokeStart;
    this.strokeStart = null;
    if (start !== null && start !== this.text()) this.pushUndo(start);
  }

  /** Paints one cell (outside the grid, or the same character: nothing). */
  paint(cell: Cell, ch: string): boolean {
    return this.paintCells([cell], ch);
  }

  /** Paints every cell of the rectangle spanned by two corners (inclusive). */
  fillRect(a: Cell, b: Cell, ch: string): boolean {
    const cells: Cell[] = [];
    for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
      for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) cells.push({ row, col });
    }
    return this.paintCells(cells, ch);
  }

  private paintCells(cells: readonly Cell[], ch: string): boolean {
    if (ch.length !== 1) throw new Error(`a layout character is one character, not ${JSON.stringify(ch)}`);
    const rows = [...this.current.layout.rows];
    let changed = false;
    for (const { row, col } of cells) {
      const line = rows[row];
      if (line === undefined || col < 0 || col >= line.length || line[col] === ch) continue;
      rows[row] = line.slice(0, col) + ch + line.slice(col + 1);
      changed = true;
    }
    if (!changed) return false;
    this.change(() => {
      this.current.layout = { ...this.current.layout, rows };
    });
    return true;
  }

  /**
   * Sets the value at a path of the spec (`['orders', 'ratePerHour']`, `['fleet', 0, 'count']`);
   * `undefined` removes the key. Missing objects on the way are created.
   */
  set(path: ReadonlyArray<string | number>, value: unknown): boolean {
    if (path.length === 0) throw new Error('set needs a path');
    if (JSON.stringify(getAt(this.current, path)) === JSON.stringify(value)) return false;
    this.change(() => {
      const next = structuredClone(this.current);
      let target = next as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) {
        if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
        target = target[key] as Record<string | number, unknown>;
      }
      const last = path[path.length - 1]!;
      if (value === undefined) {
        if (Array.isArray(target)) target.splice(Number(last), 1);
        else delete target[last];
      } else target[last] = structuredClone(value);
      this.current = next;
    });
    return true;
  }

  /**
   * Resizes the floor to `cols` × `rows` cells, keeping the north-west part: new cells are floor,
   * and the new border is wall.
   */
  resize(cols: number, rows: number): boolean {
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 3 || rows < 3) throw new Error(`a floor is at least 3 × 3 cells, not ${cols} × ${rows}`);
    if (cols === this.cols && rows === this.rows) return false;
    const old = this.current.layout.rows;
    const next: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const border = r === 0 || c === 0 || r === rows - 1 || c === cols - 1;
        const kept = r < old.length - 1 && c < (old[0]?.length ?? 0) - 1 ? old[r]![c] : undefined;
        line += border ? '#' : (kept ?? '.');
      }
      next.push(line);
    }
    this.change(() => {
      this.current.layout = { ...this.current.layout, rows: next };
    });
    return true;
  }

  /** Starts over on another spec: no undo history. */
  reset(spec: EditableSpec): void {
    this.strokeStart = null;
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.current = structuredClone(spec);
    this.emit();
  }

  /** Replaces the whole spec (a file opened), as one undo step. */
  replace(spec: EditableSpec): void {
    this.change(() => {
      this.current = structuredClone(spec);
    });
  }

  undo(): boolean {
    return this.travel(this.undoStack, this.redoStack);
  }

  redo(): boolean {
    return this.travel(this.redoStack, this.undoStack);
  }

  private travel(from: string[], to: string[]): boolean {
    this.endStroke();
    const text = from.pop();
    if (text === undefined) return false;
    to.push(this.text());
    this.current = JSON.parse(text) as EditableSpec;
    this.emit();
    return true;
  }

  private change(apply: () => void): void {
    const before = this.strokeStart === null ? this.text() : null;
    apply();
    if (before !== null) this.pushUndo(before);
    this.redoStack.length = 0;
    this.emit();
  }

  private pushUndo(text: string): void {
    this.undoStack.push(text);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The value at a path of a JSON value, or undefined. */
export function getAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}
