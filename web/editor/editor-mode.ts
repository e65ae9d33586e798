import type { SpecIssue } from '../../sim/page-api.ts';
import { blankScenario, parseFloorSize } from './blank-scenario.ts';
import { button, el } from './dom.ts';
import { EditorCanvas } from './editor-canvas.ts';
import { EditorChecker, type CheckResult } from './editor-checker.ts';
import { EditorDoc, type Cell, type EditableSpec } from './editor-doc.ts';
import type { EditorTool } from './editor-tool.ts';
import { asEditableSpec, fileNameFor } from './editable-spec.ts';
import { FloorPlanPanel } from './floor-plan-panel.ts';
import { wirePointer } from './editor-pointer.ts';
import { ScenarioPanel } from './scenario-panel.ts';
import { issueLocation } from './issue-location.ts';
import { brushesFor, brushOf, LANE_BRUSH, type Brush } from './palette.ts';
import { placedThings, sectionOf, snapM, type PlacedThing } from './placed-things.ts';
import { newThing } from './thing-templates.ts';

/** What the editor needs from the page around it. */
export interface EditorHost {
  /** Runs a scenario file's text in the page's worker (the ordinary 3D view) and shows the field. */
  run(text: string, name: string): Promise<void>;
  /** Leaves the editor for the field without running anything. */
  showField(): void;
}

export type { EditorTool };

/** What the editor's checker reports for the drawing, shown on the root as `data-state`. */
export type CheckState = 'checking' | 'ok' | 'invalid';

/**
 * The layout editor: a top-down drawing of the grid with brushes for every layout character,
 * rectangle fill, undo and redo, zoom and pan; the fleet, order stream and horizon in a side
 * panel; placed things (machines, buffers, conveyors …) selected, moved and edited; the scenario
 * checked as it is drawn, each problem listed and marked where it is; Save and Run.
 */
export class EditorMode {
  readonly root: HTMLElement;
  readonly doc = new EditorDoc(blankScenario(20, 12));
  readonly canvas: EditorCanvas;
  private readonly checker: EditorChecker;
  tool: EditorTool = { kind: 'brush', ch: '#' };
  rectFill = false;
  /** Changes made to the document since it was opened (a check answers for one of them). */
  revision = 0;
  checkedRevision = -1;
  issues: SpecIssue[] = [];
  /** File name Save uses (the opened file's, or one made from the id). */
  fileName = 'scenario.json';
  selected: { section: string; index: number } | null = null;
  /** The floor-plan image traced under the grid (not part of the file). */
  readonly floorPlan: FloorPlanPanel;
  private readonly panel: ScenarioPanel;
  private brushes: Brush[] = brushesFor(Object.fromEntries(['#', '.', '^', '>', 'v', '<', 'R', 'T', 'P', 'C', 'S'].map((c) => [c, c])));
  /** Meaning of each layout character (the simulation's legend). */
  legend: Record<string, string> = {};
  robotModels: string[] = ['shelf-lifter', 'tote-carrier'];
  private readonly toolBar = el('div', { class: 'editor-tools' });
  private readonly problemList = el('ol', { id: 'editor-problems' });
  private readonly problemHead = el('h2', { text: 'Problems' });
  private readonly status = el('div', { class: 'editor-status' });
  private readonly message = el('div', { class: 'editor-message', hidden: '' });
  private readonly runButton: HTMLButtonElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly sizeInput = el('input', { id: 'editor-size', type: 'text', value: '20x12', size: '7', title: 'width × height in cells' });

  constructor(private readonly host: EditorHost) {
    const canvasEl = el('canvas', { id: 'editor-canvas' });
    this.canvas = new EditorCanvas(canvasEl, this.doc);
    this.checker = new EditorChecker((r) => this.showCheck(r));
    this.floorPlan = new FloorPlanPanel(this);
    this.panel = new ScenarioPanel(this);
    this.runButton = button('Run ▶', () => void this.run(), { id: 'editor-run', title: 'run this scenario in the 3D field' });
    this.undoButton = button('Undo', () => this.doc.undo(), { id: 'editor-undo', title: 'undo (Ctrl+Z)' });
    this.redoButton = button('Redo', () => this.doc.redo(), { id: 'editor-redo', title: 'redo (Ctrl+Y, Ctrl+Shift+Z)' });
    const bar = el(
      'div',
      { class: 'editor-bar' },
      el('strong', { text: 'Layout editor' }),
      el('label', {}, 'New floor ', this.sizeInput),
      button('New', () => this.newBlank(), { id: 'editor-new', title: 'a blank floor of this size (walls around)' }),
      this.undoButton,
      this.redoButton,
      button('Fit', () => this.canvas.fit(), { title: 'fit the floor into the view' }),
      button('Save', () => this.save(), { id: 'editor-save', title: 'download the scenario JSON' }),
      this.floorPlan.input(),
      this.runButton,
      button('Close', () => this.host.showField(), { id: 'editor-close', title: 'back to the field without running' }),
      this.status,
    );
    const side = el(
      'aside',
      { class: 'editor-side' },
      this.message,
      this.problemHead,
      this.problemList,
      el('h2', { text: 'Selected' }),
      this.panel.thing,
      this.floorPlan.element,
      el('h2', { text: 'Scenario' }),
      this.panel.settings,
    );
    this.root = el(
      'section',
      { id: 'editor', hidden: '' },
      bar,
      this.toolBar,
      el('div', { class: 'editor-body' }, el('div', { class: 'editor-stage' }, canvasEl), side),
    );
    this.doc.onChange(() => this.changed());
    wirePointer(this, canvasEl);
    this.wireKeys();
    this.wireDrop();
    this.buildTools();
    void this.checker.remote.catalog().then((c) => {
      this.legend = c.layoutLegend;
      this.robotModels = c.robotModels;
      this.brushes = brushesFor(c.layoutLegend);
      this.buildTools();
      this.panel.refresh();
    });
  }

  /** Whether a drawing was ever opened in this editor. */
  isOpenedOnce = false;

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** The current check state (`ok` only when the newest drawing was checked and has no problem). */
  get state(): CheckState {
    if (this.checkedRevision !== this.revision) return 'checking';
    return this.issues.length === 0 ? 'ok' : 'invalid';
  }

  /** Opens a spec (no undo history before it) and shows the editor. */
  open(spec: EditableSpec, fileName: string): void {
    this.fileName = fileName;
    this.selected = null;
    this.isOpenedOnce = true;
    this.doc.reset(spec);
    this.show();
    this.canvas.fit();
  }

  /** Shows the editor with the drawing as it is (back from a run). */
  show(): void {
    this.root.hidden = false;
    document.body.classList.add('editing');
    this.canvas.request();
  }

  hide(): void {
    this.root.hidden = true;
    document.body.classList.remove('editing');
  }

  /** Opens a file's text (dropped or fetched): JSON with a layout; otherwise says why and keeps the drawing. */
  openText(text: string, name: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.say(`${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const outcome = asEditableSpec(value, name);
    if (!outcome.ok) {
      this.say(outcome.message);
      return false;
    }
    this.say(null);
    this.open(outcome.spec, name);
    return true;
  }

  /** The authored spec of a registered scenario (from the checking worker), or null. */
  catalogSpec(id: string): Promise<unknown> {
    return this.checker.remote.specOf(id);
  }

  /** A message above the problems (a file that could not be opened); null hides it. */
  say(text: string | null): void {
    this.message.hidden = text === null;
    this.message.textContent = text ?? '';
  }

  newBlank(): void {
    const size = parseFloorSize(this.sizeInput.value);
    if (!size) {
      this.say(`"${this.sizeInput.value}" is not a floor size: write width x height in cells, 3 to 400 each (e.g. 20x12)`);
      return;
    }
    this.say(null);
    this.open(blankScenario(size.cols, size.rows), fileNameFor(blankScenario(size.cols, size.rows)));
  }

  save(): void {
    const blob = new Blob([this.doc.text()], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: this.fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  async run(): Promise<void> {
    if (this.state !== 'ok') return;
    await this.host.run(this.doc.text(), this.fileName);
  }

  setTool(tool: EditorTool): void {
    this.tool = tool;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('button[data-tool]')) {
      const t = b.dataset.tool;
      b.classList.toggle('active', tool.kind === 'brush' ? t === `brush:${tool.ch}` : t === tool.kind);
    }
  }

  /** Client (page) coordinates of a cell's centre, for pointers. */
  cellClientXY(row: number, col: number): { x: number; y: number } {
    const r = this.canvas.canvas.getBoundingClientRect();
    const p = this.canvas.cellCenter({ row, col });
    return { x: r.left + p.x, y: r.top + p.y };
  }

  /** Client coordinates of a position in metres. */
  pointClientXY(xM: number, zM: number): { x: number; y: number } {
    const r = this.canvas.canvas.getBoundingClientRect();
    const p = this.canvas.pointOfM(xM, zM);
    return { x: r.left + p.x, y: r.top + p.y };
  }

  private changed(): void {
    this.revision++;
    this.undoButton.disabled = !this.doc.canUndo;
    this.redoButton.disabled = !this.doc.canRedo;
    const things = placedThings(this.doc.spec);
    if (this.selected && !things.some((t) => t.section === this.selected!.section && t.index === this.selected!.index)) this.selected = null;
    this.canvas.setOverlay({ things, selected: this.selectedThing(things) });
    this.showState();
    this.checker.check(this.revision, this.doc.spec);
    this.panel.refresh();
  }

  private selectedThing(things = placedThings(this.doc.spec)): PlacedThing | null {
    return things.find((t) => t.section === this.selected?.section && t.index === this.selected.index) ?? null;
  }

  private showCheck(result: CheckResult): void {
    if (result.revision !== this.revision) return;
    this.checkedRevision = result.revision;
    this.issues = result.issues;
    this.problemList.replaceChildren();
    for (const issue of result.issues) {
      const li = el('li', { text: `${issue.path}: ${issue.message}`, 'data-path': issue.path });
      const at = issueLocation(issue);
      if (at.kind === 'cell' || at.kind === 'row') {
        li.classList.add('at-cell');
        li.addEventListener('click', () => {
          const c = at.kind === 'cell' ? { row: at.row, col: at.col } : { row: at.row, col: Math.floor(this.doc.cols / 2) };
          const p = this.canvas.cellCenter(c);
          const r = this.canvas.canvas.getBoundingClientRect();
          this.canvas.panBy(r.width / 2 - p.x, r.height / 2 - p.y);
          this.canvas.setOverlay({ hover: c });
        });
      } else if (at.kind === 'thing' && sectionOf(at.section)) {
        li.classList.add('at-thing');
        li.addEventListener('click', () => this.select({ section: at.section, index: at.index }));
      }
      this.problemList.append(li);
    }
    this.canvas.setOverlay({ problems: result.issues.map(issueLocation) });
    this.showState();
  }

  private showState(): void {
    const state = this.state;
    this.root.dataset.state = state;
    this.root.dataset.revision = String(this.revision);
    this.runButton.disabled = state !== 'ok';
    this.runButton.title = state === 'ok' ? 'run this scenario in the 3D field' : state === 'checking' ? 'checking the drawing …' : 'fix the problems first';
    const n = this.issues.length;
    this.problemHead.textContent = state === 'checking' ? 'Problems (checking …)' : n === 0 ? 'Problems: none, ready to run' : `Problems: ${n}`;
    this.status.textContent = `${this.doc.cols} × ${this.doc.rows} cells · ${this.fileName}`;
  }

  private buildTools(): void {
    const items: HTMLElement[] = [];
    for (const b of [...this.brushes, LANE_BRUSH]) {
      const swatch = el('span', { class: 'swatch', text: b.ch });
      swatch.style.background = b.color;
      if (b.glyph) swatch.style.color = b.glyph;
      const btn = button('', () => this.setTool({ kind: 'brush', ch: b.ch }), {
        'data-tool': `brush:${b.ch}`,
        title: `${b.ch} ${this.legend[b.ch] ?? b.name}`,
      });
      btn.append(swatch, ` ${b.name}`);
      items.push(btn);
    }
    const rect = el('input', { type: 'checkbox', id: 'editor-rect' });
    rect.checked = this.rectFill;
    rect.addEventListener('change', () => (this.rectFill = rect.checked));
    items.push(el('label', { title: 'drag a rectangle and fill it with the brush' }, rect, ' Rectangle'));
    items.push(
      button('Select / move', () => this.setTool({ kind: 'select' }), { 'data-tool': 'select', title: 'select a machine, buffer, conveyor … and drag it' }),
    );
    items.push(button('Pan', () => this.setTool({ kind: 'pan' }), { 'data-tool': 'pan', title: 'drag to pan (also: right or middle button, wheel to zoom)' }));
    this.toolBar.replaceChildren(...items);
    this.setTool(this.tool);
  }

  /** Floor width in metres. */
  floorWidthM(): number {
    return this.doc.cols * (this.doc.spec.layout.cellM || 1);
  }

  /** Names the cell under the pointer in the status line. */
  showHover(cell: Cell): void {
    const ch = this.doc.charAt(cell.row, cell.col)!;
    this.status.textContent = `row ${cell.row}, col ${cell.col}: ${ch} ${this.legend[ch] ?? brushOf(ch).name}`;
  }

  /** The floor position (metres) in the middle of the view. */
  private viewCentreM(): { xM: number; zM: number } {
    const r = this.canvas.canvas.getBoundingClientRect();
    const cellM = this.doc.spec.layout.cellM || 1;
    return { xM: ((r.width / 2 - this.canvas.originX) / this.canvas.cellPx) * cellM, zM: ((r.height / 2 - this.canvas.originY) / this.canvas.cellPx) * cellM };
  }

  /** Gives a line thing without a position one in the middle of the view, and selects it. */
  placeThing(sel: { section: string; index: number }): void {
    const { xM, zM } = this.viewCentreM();
    this.selected = sel;
    this.doc.set([...sel.section.split('.'), sel.index, 'position'], { xM: snapM(xM), zM: snapM(zM) });
    this.setTool({ kind: 'select' });
  }

  /** Adds a thing of a section in the middle of the view and selects it. */
  addThing(section: string): void {
    const { xM, zM } = this.viewCentreM();
    const added = newThing(this.doc.spec, section, xM, zM);
    this.selected = { section, index: added.index };
    this.doc.set(added.path, added.value);
    this.setTool({ kind: 'select' });
  }

  select(sel: { section: string; index: number } | null): void {
    this.selected = sel;
    this.canvas.setOverlay({ selected: this.selectedThing() });
    this.panel.rebuildIfShapeChanged();
  }

  private wireKeys(): void {
    // On the document, so the field's own keys (Space: play) never reach the hidden field while drawing.
    document.addEventListener('keydown', (e) => {
      if (!this.isOpen) return;
      if (e.code === 'Space') e.stopPropagation();
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) this.doc.redo();
        else this.doc.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        this.doc.redo();
      } else if (!mod && this.brushes.some((b) => b.ch === e.key)) {
        this.setTool({ kind: 'brush', ch: e.key });
      }
    });
  }

  private wireDrop(): void {
    this.root.addEventListener('dragover', (e) => e.preventDefault());
    this.root.addEventListener('drop', (e) => {
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file && /^image\/(png|jpeg)$/.test(file.type)) void this.floorPlan.load(file);
      else if (file) void file.text().then((text) => this.openText(text, file.name));
    });
  }
}
