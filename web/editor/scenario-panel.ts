import { button, el } from './dom.ts';
import { getAt, type EditorDoc } from './editor-doc.ts';
import { FieldBinder } from './field-binder.ts';
import { sectionOf, unplacedThings } from './placed-things.ts';
import { ADDABLE, rotatedPath } from './thing-templates.ts';

/** A selected placed thing: its section and index. */
export interface ThingRef {
  section: string;
  index: number;
}

/** What the side panel needs from the editor. */
export interface PanelHost {
  readonly doc: EditorDoc;
  /** The selected thing, or null. */
  readonly selected: ThingRef | null;
  /** Robot models a fleet entry may name. */
  readonly robotModels: readonly string[];
  select(sel: ThingRef | null): void;
  addThing(section: string): void;
  /** Gives a thing without a position one in the middle of the view. */
  placeThing(sel: ThingRef): void;
}

/**
 * The editor's side panel below the problems: the selected thing's parameters (or the Add
 * picker), and the scenario's id, title, cell size, fleet, order stream, horizon and seed. Every
 * input is bound to a path of the spec; the panel is rebuilt only when its shape changes (fleet
 * entries, selection), so typing is never interrupted.
 */
export class ScenarioPanel {
  readonly thing = el('div', { class: 'editor-thing' });
  readonly settings = el('div', { class: 'editor-settings' });
  private readonly binder: FieldBinder;
  private shape = '';

  constructor(private readonly host: PanelHost) {
    this.binder = new FieldBinder(host.doc);
  }

  /** After a change of the document: rebuilds what changed shape, refreshes every input. */
  refresh(): void {
    this.rebuildIfShapeChanged();
    this.binder.refresh();
  }

  rebuildIfShapeChanged(): void {
    const spec = this.host.doc.spec as Record<string, unknown>;
    const fleet = Array.isArray(spec.fleet) ? spec.fleet.length : -1;
    const sel = this.host.selected;
    const unplaced = unplacedThings(spec).map((t) => t.name);
    const shape = `${fleet}|${this.host.robotModels.join()}|${sel?.section ?? ''}:${sel?.index ?? ''}|${JSON.stringify(this.selectedFields())}|${unplaced.join()}`;
    if (shape === this.shape) return;
    this.shape = shape;
    this.build();
  }

  private selectedFields(): string[] {
    const sel = this.host.selected;
    const s = sel && sectionOf(sel.section);
    if (!s || !sel) return [];
    const thing = getAt(this.host.doc.spec, [...s.section.split('.'), sel.index]);
    return s.fields.filter((f) => getAt(thing, f.path) !== undefined).map((f) => f.label);
  }

  private build(): void {
    const b = this.binder;
    const doc = this.host.doc;
    const spec = doc.spec as Record<string, unknown>;
    const fleet = Array.isArray(spec.fleet) ? (spec.fleet as unknown[]) : [];
    const models = this.host.robotModels;
    const fleetRows = fleet.map((_, i) => {
      const model = el('select', { 'data-path': `fleet.${i}.model` });
      for (const m of models) model.add(new Option(m, m));
      b.bind(model, ['fleet', i, 'model'], 'text');
      const count = el('input', {
        type: 'number',
        min: '0',
        step: '1',
        class: 'count',
        'data-path': `fleet.${i}.count`,
        id: i === 0 ? 'editor-fleet-count' : undefined,
      });
      b.bind(count, ['fleet', i, 'count'], 'number');
      return el(
        'div',
        { class: 'fleet-row' },
        model,
        ' × ',
        count,
        button('✕', () => doc.set(['fleet', i], undefined), { title: 'remove this fleet entry' }),
      );
    });
    const addFleet = button('+ robots', () => doc.set(['fleet', fleet.length], { model: models[0] ?? 'shelf-lifter', count: 1 }), {
      title: 'add a fleet entry',
    });
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
    this.buildThing();
  }

  private buildThing(): void {
    const doc = this.host.doc;
    const sel = this.host.selected;
    const s = sel && sectionOf(sel.section);
    if (!s || !sel) {
      const kind = el('select', { id: 'editor-add-kind' });
      for (const a of ADDABLE) kind.add(new Option(a.label, a.section));
      const unplaced = unplacedThings(doc.spec);
      const place =
        unplaced.length === 0
          ? []
          : [
              el('p', { class: 'hint', text: 'Laid out in flow order (no position yet): place one to draw and edit it.' }),
              el(
                'div',
                { class: 'fleet-row wrap' },
                ...unplaced.map((t) => button(`place ${t.name}`, () => this.host.placeThing(t), { 'data-place': `${t.section}.${t.index}` })),
              ),
            ];
      this.thing.replaceChildren(
        el('p', { class: 'hint', text: 'Select / move: click a machine, buffer, conveyor, arm … to edit it; drag to move it.' }),
        el(
          'div',
          { class: 'fleet-row' },
          kind,
          button('Add', () => this.host.addThing(kind.value), { id: 'editor-add', title: 'add one in the middle of the view' }),
        ),
        ...place,
      );
      return;
    }
    const b = this.binder;
    const base = [...s.section.split('.'), sel.index];
    const thing = getAt(doc.spec, base);
    const fields = s.fields.filter((f) => getAt(thing, f.path) !== undefined).map((f) => b.field(f.label, [...base, ...f.path], f.type));
    const ends = ['from', 'to'].flatMap((end) => ['x', 'z'].map((k) => b.field(`${end} ${k} m`, [...base, 'path', end, k], 'number')));
    const pos =
      s.section === 'conveyors'
        ? ends
        : [b.field('x m', [...base, ...s.position, s.keys[0]], 'number'), b.field('z m', [...base, ...s.position, s.keys[1]], 'number')];
    const path = getAt(thing, ['path']) as Parameters<typeof rotatedPath>[0] | undefined;
    const rotate =
      s.section === 'conveyors' && path?.from !== undefined
        ? [button('Rotate 90°', () => doc.set([...base, 'path'], rotatedPath(path)), { title: 'turn it clockwise about its middle' })]
        : [];
    const remove = button(
      'Delete',
      () => {
        this.host.select(null);
        doc.set(base, undefined);
      },
      { title: 'remove it from the scenario (references to it become problems)' },
    );
    this.thing.replaceChildren(
      el('p', { text: `${s.label} ${String(getAt(thing, [s.nameKey]) ?? sel.index)} (${s.section}[${sel.index}])` }),
      ...fields,
      ...pos,
      ...rotate,
      remove,
    );
  }
}
