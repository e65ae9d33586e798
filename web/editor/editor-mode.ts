import type { SpecIssue } from '../../sim/page-api.ts';
import { blankScenario, parseFloorSize } from './blank-scenario.ts';
import { button, el } from './dom.ts';
import { EditorCanvas } from './editor-canvas.ts';
import { EditorChecker, type CheckResult } from './editor-checker.ts';
import { EditorDoc, getAt, type Cell, type EditableSpec } from './editor-doc.ts';
import { asEditableSpec, fileNameFor } from './editable-spec.ts';
import { FieldBinder } from './field-binder.ts';
import { calibratePlan, imagePointAt, placePlan, type FloorPlan, type ImagePoint } from './floor-plan.ts';
import { issueLocation } from './issue-location.ts';
import { brushesFor, brushOf, laneCharFor, LANE_BRUSH, type Brush } from './palette.ts';
import { moveChanges, placedThings, sectionOf, type PlacedThing } from './placed-things.ts';
import { ADDABLE, newThing, rotatedPath } from './thing-templates.ts';

/** What the editor needs from the page around it. */
export interface EditorHost {
  /** Runs a scenario file's text in the page's worker (the ordinary 3D view) and shows the field. */
  run(text: string, name: string): Promise<void>;
  /** Leaves the editor for the field without running anything. */
  showField(): void;
}

/** The tool the pointer works with on the drawing. */
export type EditorTool = { kind: 'brush'; ch: string } | { kind: 'select' } | { kind: 'pan' } | { kind: 'plan-ref' } | { kind: 'plan-move' };

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
  private readonly binder: FieldBinder;
  tool: EditorTool = { kind: 'brush', ch: '#' };
  rectFill = false;
  /** Changes made to the document since it was opened (a check answers for one of them). */
  revision = 0;
  checkedRevision = -1;
  issues: SpecIssue[] = [];
  /** File name Save uses (the opened file's, or one made from the id). */
  fileName = 'scenario.json';
  selected: { section: string; index: number } | null = null;
  /** The floor-plan image traced under the grid (not part of the file), and its reference points. */
  plan: { plan: FloorPlan; image: HTMLImageElement } | null = null;
  refPoints: ImagePoint[] = [];
  private readonly planPanel = el('div', { class: 'editor-plan' });
  private brushes: Brush[] = brushesFor(Object.fromEntries(['#', '.', '^', '>', 'v', '<', 'R', 'T', 'P', 'C', 'S'].map((c) => [c, c])));
  private legend: Record<string, string> = {};
  private robotModels: string[] = ['shelf-lifter', 'tote-carrier'];
  private readonly toolBar = el('div', { class: 'editor-tools' });
  private readonly settings = el('div', { class: 'editor-settings' });
  private readonly thingPanel = el('div', { class: 'editor-thing' });
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
    this.binder = new FieldBinder(this.doc);
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
      this.planInput(),
      this.runButton,
      button('Close', () => this.host.showField(), { id: 'editor-close', title: 'back to the field without running' }),
      this.status,
    );
    const side = el('aside', { class: 'editor-side' }, this.message, this.problemHead, this.problemList, el('h2', { text: 'Selected' }), this.thingPanel, this.planPanel, el('h2', { text: 'Scenario' }), this.settings);
    this.root = el('section', { id: 'editor', hidden: '' }, bar, this.toolBar, el('div', { class: 'editor-body' }, el('div', { class: 'editor-stage' }, canvasEl), side));
    this.doc.onChange(() => this.changed());
    this.wireCanvas(canvasEl);
    this.wireKeys();
    this.wireDrop();
    this.buildTools();
    void this.checker.remote.catalog().then((c) => {
      this.legend = c.layoutLegend;
      this.robotModels = c.robotModels;
      this.brushes = brushesFor(c.layoutLegend);
      this.buildTools();
      this.buildSettings();
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
    this.buildSettingsIfShapeChanged();
    this.binder.refresh();
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
      const btn = button('', () => this.setTool({ kind: 'brush', ch: b.ch }), { 'data-tool': `brush:${b.ch}`, title: `${b.ch} ${this.legend[b.ch] ?? b.name}` });
      btn.append(swatch, ` ${b.name}`);
      items.push(btn);
    }
    const rect = el('input', { type: 'checkbox', id: 'editor-rect' });
    rect.checked = this.rectFill;
    rect.addEventListener('change', () => (this.rectFill = rect.checked));
    items.push(el('label', { title: 'drag a rectangle and fill it with the brush' }, rect, ' Rectangle'));
    items.push(button('Select / move', () => this.setTool({ kind: 'select' }), { 'data-tool': 'select', title: 'select a machine, buffer, conveyor … and drag it' }));
    items.push(button('Pan', () => this.setTool({ kind: 'pan' }), { 'data-tool': 'pan', title: 'drag to pan (also: right or middle button, wheel to zoom)' }));
    this.toolBar.replaceChildren(...items);
    this.setTool(this.tool);
  }

  /** Shape of the settings panel last built (fleet entries, sections present): rebuilt when it changes. */
  private settingsShape = '';

  private buildSettingsIfShapeChanged(): void {
    const spec = this.doc.spec as Record<string, unknown>;
    const fleet = Array.isArray(spec.fleet) ? spec.fleet.length : -1;
    const shape = `${fleet}|${this.selected?.section ?? ''}:${this.selected?.index ?? ''}|${JSON.stringify(this.selectedThingFields())}`;
    if (shape === this.settingsShape) return;
    this.settingsShape = shape;
    this.buildSettings();
  }

  private selectedThingFields(): string[] {
    const s = this.selected && sectionOf(this.selected.section);
    if (!s || !this.selected) return [];
    const thing = getAt(this.doc.spec, [...s.section.split('.'), this.selected.index]);
    return s.fields.filter((f) => getAt(thing, f.path) !== undefined).map((f) => f.label);
  }

  private buildSettings(): void {
    const b = this.binder;
    const spec = this.doc.spec as Record<string, unknown>;
    const fleet = Array.isArray(spec.fleet) ? (spec.fleet as unknown[]) : [];
    const fleetRows = fleet.map((_, i) => {
      const model = el('select', { 'data-path': `fleet.${i}.model` });
      for (const m of this.robotModels) model.add(new Option(m, m));
      b.bind(model, ['fleet', i, 'model'], 'text');
      const count = el('input', { type: 'number', min: '0', step: '1', class: 'count', 'data-path': `fleet.${i}.count`, id: i === 0 ? 'editor-fleet-count' : undefined });
      b.bind(count, ['fleet', i, 'count'], 'number');
      return el('div', { class: 'fleet-row' }, model, ' × ', count, button('✕', () => this.doc.set(['fleet', i], undefined), { title: 'remove this fleet entry' }));
    });
    const addFleet = button('+ robots', () => this.doc.set(['fleet', fleet.length], { model: this.robotModels[0] ?? 'shelf-lifter', count: 1 }), { title: 'add a fleet entry' });
    this.settings.replaceChildren(
      b.field('id', ['id'], 'text'),
      b.field('title', ['title'], 'text'),
      b.field('cell m', ['layout', 'cellM'], 'number'),
      el('h3', { text: 'Fleet (robot starts: S cells, in reading order)' }),
      ...fleetRows,
      addFleet,
      el('h3', { text: 'Order stream' }),
      b.field('orders / h', ['orders', 'ratePerHour'], 'number', 'editor-rate'),
      b.field('SKUs', ['orders', 'skuCount'], 'number'),
      b.field('SKUs per load', ['orders', 'skusPerLoad'], 'number'),
      b.field('lines min', ['orders', 'linesPerOrder', 'min'], 'number'),
      b.field('lines max', ['orders', 'linesPerOrder', 'max'], 'number'),
      b.field('pick s / line', ['orders', 'pickSecPerLine'], 'number'),
      el('h3', { text: 'Run' }),
      b.field('horizon s', ['horizonSec'], 'number', 'editor-horizon'),
      b.field('seed', ['seed'], 'number'),
    );
    this.buildThingPanel();
  }

  private buildThingPanel(): void {
    const s = this.selected && sectionOf(this.selected.section);
    if (!s || !this.selected) {
      const kind = el('select', { id: 'editor-add-kind' });
      for (const a of ADDABLE) kind.add(new Option(a.label, a.section));
      this.thingPanel.replaceChildren(
        el('p', { class: 'hint', text: 'Select / move: click a machine, buffer, conveyor, arm … to edit it; drag to move it.' }),
        el('div', { class: 'fleet-row' }, kind, button('Add', () => this.addThing(kind.value), { id: 'editor-add', title: 'add one in the middle of the view' })),
      );
      return;
    }
    const base = [...s.section.split('.'), this.selected.index];
    const thing = getAt(this.doc.spec, base);
    const fields = s.fields.filter((f) => getAt(thing, f.path) !== undefined).map((f) => this.binder.field(f.label, [...base, ...f.path], f.type));
    const pos =
      s.section === 'conveyors'
        ? [this.binder.field('from x m', [...base, 'path', 'from', 'x'], 'number'), this.binder.field('from z m', [...base, 'path', 'from', 'z'], 'number'), this.binder.field('to x m', [...base, 'path', 'to', 'x'], 'number'), this.binder.field('to z m', [...base, 'path', 'to', 'z'], 'number')]
        : [this.binder.field('x m', [...base, ...s.position, s.keys[0]], 'number'), this.binder.field('z m', [...base, ...s.position, s.keys[1]], 'number')];
    this.thingPanel.replaceChildren(
      el('p', { text: `${s.label} ${String(getAt(thing, [s.nameKey]) ?? this.selected.index)} (${s.section}[${this.selected.index}])` }),
      ...fields,
      ...pos,
      ...(s.section === 'conveyors' && getAt(thing, ['path', 'from']) !== undefined
        ? [button('Rotate 90°', () => this.doc.set([...base, 'path'], rotatedPath(getAt(thing, ['path']) as Parameters<typeof rotatedPath>[0])), { title: 'turn it clockwise about its middle' })]
        : []),
      button('Delete', () => {
        const sel = this.selected!;
        this.selected = null;
        this.doc.set([...sel.section.split('.'), sel.index], undefined);
      }, { title: 'remove it from the scenario (references to it become problems)' }),
    );
  }

  /** The "Floor plan" file input (PNG/JPEG traced under the grid). */
  private planInput(): HTMLElement {
    const input = el('input', { type: 'file', id: 'editor-plan-file', accept: 'image/png,image/jpeg' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.loadPlan(file);
      input.value = '';
    });
    return el('label', { class: 'file', title: 'a floor plan image (PNG or JPEG) to trace under the grid' }, 'Floor plan ', input);
  }

  /** Puts an image under the grid, first spanning the floor's width; says why when it cannot be read. */
  async loadPlan(file: Blob & { name?: string }): Promise<boolean> {
    const name = file.name ?? 'floor plan';
    const image = new Image();
    const url = URL.createObjectURL(file);
    try {
      image.src = url;
      await image.decode();
    } catch {
      this.say(`${name} is not an image the browser can read (PNG or JPEG)`);
      URL.revokeObjectURL(url);
      return false;
    }
    this.say(null);
    const widthM = this.doc.cols * (this.doc.spec.layout.cellM || 1);
    this.plan = { plan: placePlan(name, image.naturalWidth, image.naturalHeight, widthM), image };
    this.refPoints = [];
    this.showPlan();
    return true;
  }

  /** Applies a new placement of the plan (scale, position, opacity) and redraws. */
  setPlan(plan: FloorPlan): void {
    if (!this.plan) return;
    this.plan = { ...this.plan, plan };
    this.showPlan();
  }

  private showPlan(): void {
    this.canvas.setOverlay({ plan: this.plan, refPoints: this.refPoints });
    const p = this.plan;
    if (!p) {
      this.planPanel.replaceChildren();
      return;
    }
    const opacity = el('input', { type: 'range', min: '0', max: '1', step: '0.05', id: 'editor-plan-opacity' });
    opacity.value = String(p.plan.opacity);
    opacity.addEventListener('input', () => this.setPlan({ ...this.plan!.plan, opacity: Number(opacity.value) }));
    const distance = el('input', { type: 'number', min: '0', step: 'any', id: 'editor-plan-distance', placeholder: 'm' });
    const apply = button('Apply scale', () => {
      try {
        this.setPlan(calibratePlan(this.plan!.plan, this.refPoints[0]!, this.refPoints[1]!, Number(distance.value)));
        this.refPoints = [];
        this.say(null);
        this.showPlan();
      } catch (error) {
        this.say(error instanceof Error ? error.message : String(error));
      }
    }, { id: 'editor-plan-apply' });
    apply.disabled = this.refPoints.length < 2;
    this.planPanel.replaceChildren(
      el('h2', { text: 'Floor plan' }),
      el('p', { class: 'hint', text: `${p.plan.name}: ${p.plan.widthPx} × ${p.plan.heightPx} px, ${(p.plan.mPerPx * 1000).toFixed(1)} mm a pixel, traced only (not saved in the file)` }),
      el('label', {}, 'show through', opacity),
      el('div', { class: 'fleet-row' },
        button('Pick 2 points', () => {
          this.refPoints = [];
          this.setTool({ kind: 'plan-ref' });
          this.showPlan();
        }, { 'data-tool': 'plan-ref', title: 'click two points on the plan whose real distance you know' }),
        button('Move plan', () => this.setTool({ kind: 'plan-move' }), { 'data-tool': 'plan-move', title: 'drag the plan under the grid' }),
        button('Remove', () => {
          this.plan = null;
          this.refPoints = [];
          this.showPlan();
        }),
      ),
      el('label', {}, `A–B distance (${this.refPoints.length}/2 points)`, distance),
      apply,
    );
    this.setTool(this.tool);
  }

  /** Adds a thing of a section in the middle of the view and selects it. */
  addThing(section: string): void {
    const r = this.canvas.canvas.getBoundingClientRect();
    const cellM = this.doc.spec.layout.cellM || 1;
    const xM = ((r.width / 2 - this.canvas.originX) / this.canvas.cellPx) * cellM;
    const zM = ((r.height / 2 - this.canvas.originY) / this.canvas.cellPx) * cellM;
    const added = newThing(this.doc.spec, section, xM, zM);
    this.selected = { section, index: added.index };
    this.doc.set(added.path, added.value);
    this.setTool({ kind: 'select' });
  }

  select(sel: { section: string; index: number } | null): void {
    this.selected = sel;
    this.canvas.setOverlay({ selected: this.selectedThing() });
    this.buildSettingsIfShapeChanged();
  }

  private wireCanvas(canvas: HTMLCanvasElement): void {
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
      if (e.button === 1 || e.button === 2 || this.tool.kind === 'pan') {
        drag = { kind: 'pan', x: p.x, y: p.y };
        return;
      }
      if (e.button !== 0) return;
      if (this.tool.kind === 'plan-ref' || this.tool.kind === 'plan-move') {
        if (!this.plan) return;
        if (this.tool.kind === 'plan-move') {
          drag = { kind: 'plan', x: p.x, y: p.y, plan: this.plan.plan };
          return;
        }
        const cellM = this.doc.spec.layout.cellM || 1;
        const xM = ((p.x - this.canvas.originX) / this.canvas.cellPx) * cellM;
        const zM = ((p.y - this.canvas.originY) / this.canvas.cellPx) * cellM;
        this.refPoints = [...this.refPoints, imagePointAt(this.plan.plan, xM, zM)].slice(-2);
        this.showPlan();
        return;
      }
      if (this.tool.kind === 'select') {
        const thing = this.canvas.thingAt(p.x, p.y);
        this.select(thing ? { section: thing.section, index: thing.index } : null);
        if (thing) drag = { kind: 'move', thing, x: p.x, y: p.y };
        return;
      }
      const ch = this.tool.ch;
      if (this.rectFill || ch === LANE_BRUSH.ch) {
        const a = this.canvas.clampedCellAt(p.x, p.y);
        drag = { kind: 'rect', a, ch };
        this.canvas.setOverlay({ rect: { a, b: a, ch: ch === LANE_BRUSH.ch ? '.' : ch } });
        return;
      }
      const cell = this.canvas.cellAt(p.x, p.y);
      if (!cell) return;
      this.doc.beginStroke();
      this.doc.paint(cell, ch);
      drag = { kind: 'paint', last: cell, ch };
    });
    canvas.addEventListener('pointermove', (e) => {
      const p = local(e);
      const hover = this.canvas.cellAt(p.x, p.y);
      this.canvas.setOverlay({ hover });
      if (hover) {
        const ch = this.doc.charAt(hover.row, hover.col)!;
        this.status.textContent = `row ${hover.row}, col ${hover.col}: ${ch} ${this.legend[ch] ?? brushOf(ch).name}`;
      }
      if (!drag) return;
      if (drag.kind === 'pan') {
        this.canvas.panBy(p.x - drag.x, p.y - drag.y);
        drag.x = p.x;
        drag.y = p.y;
      } else if (drag.kind === 'paint') {
        const cell = this.canvas.clampedCellAt(p.x, p.y);
        for (const c of cellsBetween(drag.last, cell)) this.doc.paint(c, drag.ch);
        drag.last = cell;
      } else if (drag.kind === 'plan') {
        const m = this.canvas.metresPerPx;
        this.setPlan({ ...drag.plan, xM: drag.plan.xM + (p.x - drag.x) * m, zM: drag.plan.zM + (p.y - drag.y) * m });
      } else if (drag.kind === 'rect') {
        const b = this.canvas.clampedCellAt(p.x, p.y);
        const ch = drag.ch === LANE_BRUSH.ch ? (laneCharFor(b.row - drag.a.row, b.col - drag.a.col) ?? '.') : drag.ch;
        this.canvas.setOverlay({ rect: { a: drag.a, b, ch } });
      } else {
        const dx = (p.x - drag.x) * this.canvas.metresPerPx;
        const dz = (p.y - drag.y) * this.canvas.metresPerPx;
        const moving = drag.thing;
        this.canvas.setOverlay({ things: placedThings(this.doc.spec).map((t) => (t.section === moving.section && t.index === moving.index ? shifted(t, dx, dz) : t)) });
      }
    });
    const finish = (e: PointerEvent) => {
      if (!drag) return;
      const p = local(e);
      const d = drag;
      drag = null;
      if (d.kind === 'paint') this.doc.endStroke();
      else if (d.kind === 'rect') {
        this.canvas.setOverlay({ rect: null });
        const b = this.canvas.clampedCellAt(p.x, p.y);
        const ch = d.ch === LANE_BRUSH.ch ? laneCharFor(b.row - d.a.row, b.col - d.a.col) : d.ch;
        if (ch) this.doc.fillRect(d.a, b, ch);
      } else if (d.kind === 'move') {
        const dx = (p.x - d.x) * this.canvas.metresPerPx;
        const dz = (p.y - d.y) * this.canvas.metresPerPx;
        if (Math.hypot(p.x - d.x, p.y - d.y) < 3) return;
        this.doc.beginStroke();
        for (const c of moveChanges(this.doc.spec, d.thing, dx, dz)) this.doc.set(c.path, c.value);
        this.doc.endStroke();
      }
    };
    canvas.addEventListener('pointerup', finish);
    canvas.addEventListener('pointercancel', finish);
    canvas.addEventListener('pointerleave', () => this.canvas.setOverlay({ hover: null }));
    canvas.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const p = local(e);
        this.canvas.zoomAt(p.x, p.y, Math.exp(-e.deltaY * 0.0015));
      },
      { passive: false },
    );
    window.addEventListener('resize', () => this.canvas.request());
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
      if (file && /^image\/(png|jpeg)$/.test(file.type)) void this.loadPlan(file);
      else if (file) void file.text().then((text) => this.openText(text, file.name));
    });
  }
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

