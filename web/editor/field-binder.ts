import { getAt, type EditorDoc } from './editor-doc.ts';

/** One input bound to a path of the spec. */
interface Binding {
  input: HTMLInputElement | HTMLSelectElement;
  path: ReadonlyArray<string | number>;
  type: 'number' | 'text';
}

/**
 * Inputs bound to paths of the edited spec: a change of an input is one edit of the document,
 * and every document change (an undo too) refreshes the inputs not being typed in. An emptied
 * field removes its key, so the check names it if it is required.
 */
export class FieldBinder {
  private bindings: Binding[] = [];

  constructor(private readonly doc: EditorDoc) {}

  /** A labelled input bound to `path`. */
  field(label: string, path: ReadonlyArray<string | number>, type: 'number' | 'text', id?: string): HTMLLabelElement {
    const input = document.createElement('input');
    input.type = type === 'number' ? 'number' : 'text';
    if (type === 'number') input.step = 'any';
    if (id) input.id = id;
    input.dataset.path = path.join('.');
    this.bind(input, path, type);
    const l = document.createElement('label');
    l.append(label, input);
    return l;
  }

  /** Binds an existing input or select. */
  bind(input: HTMLInputElement | HTMLSelectElement, path: ReadonlyArray<string | number>, type: 'number' | 'text'): void {
    const binding: Binding = { input, path, type };
    this.bindings.push(binding);
    input.addEventListener('change', () => {
      const raw = input.value.trim();
      const value = raw === '' ? undefined : type === 'number' ? Number(raw) : raw;
      this.doc.set(path, typeof value === 'number' && !Number.isFinite(value) ? raw : value);
    });
    this.refreshOne(binding);
  }

  /** Drops the bindings of inputs no longer in the page. */
  prune(): void {
    this.bindings = this.bindings.filter((b) => b.input.isConnected);
  }

  refresh(): void {
    this.prune();
    for (const b of this.bindings) this.refreshOne(b);
  }

  private refreshOne(b: Binding): void {
    if (document.activeElement === b.input) return;
    const v = getAt(this.doc.spec, b.path);
    const text = v === undefined || v === null ? '' : String(v);
    if (b.input instanceof HTMLSelectElement && text !== '' && ![...b.input.options].some((o) => o.value === text)) b.input.add(new Option(text, text));
    b.input.value = text;
  }
}
