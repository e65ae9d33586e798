import type { EditableSpec } from './editor-doc.ts';

/** A spec the editor can open, or why it cannot (one sentence). */
export type EditableOutcome = { ok: true; spec: EditableSpec } | { ok: false; message: string };

/**
 * Checks that a parsed file is something the editor can draw: a JSON object whose `layout.rows`
 * are strings. Everything else about it is the checker's to judge (and it is shown, not refused).
 */
export function asEditableSpec(value: unknown, name: string): EditableOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: `${name} does not hold a scenario: expected a JSON object` };
  const layout = (value as { layout?: unknown }).layout;
  const rows = (layout as { rows?: unknown } | undefined)?.rows;
  if (typeof layout !== 'object' || layout === null || !Array.isArray(rows) || rows.length === 0 || !rows.every((r) => typeof r === 'string')) {
    return { ok: false, message: `${name} has no layout to draw: layout.rows must be a list of ASCII rows` };
  }
  const spec = structuredClone(value) as EditableSpec;
  return { ok: true, spec };
}

/** A file name for saving a spec: its id without the version, as a safe file name. */
export function fileNameFor(spec: Readonly<Record<string, unknown>>): string {
  const id = typeof spec.id === 'string' && spec.id.trim() !== '' ? spec.id : 'scenario';
  const base = id
    .replace(/@\d+$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'scenario'}.json`;
}
