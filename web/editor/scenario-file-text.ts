/**
 * The text of a scenario file as the editor saves it: the same JSON every time for the same
 * scenario (top-level keys in a fixed order, nested keys as authored), short objects and arrays on
 * one line, and the layout's ASCII rows one per line, so a diff of two saves reads like a diff of
 * the floor.
 */

/** Top-level keys first, in this order; any other key follows in alphabetical order. */
const TOP_ORDER = ['$schema', 'id', 'title', 'description', 'stresses', 'layout', 'fleet', 'orders'];
/** Keys that close the file, in this order (the run settings). */
const TAIL_ORDER = ['events', 'physics', 'horizonSec', 'seed'];
/** A value whose one-line form is at most this long (with its indentation) stays on one line. */
const INLINE_WIDTH = 100;

/** The spec's keys in file order. */
function orderedKeys(spec: Record<string, unknown>): string[] {
  const keys = Object.keys(spec);
  const head = TOP_ORDER.filter((k) => keys.includes(k));
  const tail = TAIL_ORDER.filter((k) => keys.includes(k));
  const middle = keys.filter((k) => !TOP_ORDER.includes(k) && !TAIL_ORDER.includes(k)).sort();
  return [...head, ...middle, ...tail];
}

/** A scenario spec as the text of a scenario file (trailing newline). */
export function scenarioFileText(spec: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const k of orderedKeys(spec)) if (spec[k] !== undefined) ordered[k] = spec[k];
  const layout = ordered.layout as Record<string, unknown> | undefined;
  if (layout && typeof layout === 'object' && !Array.isArray(layout)) {
    const { rows, ...rest } = layout;
    ordered.layout = rows === undefined ? rest : { ...rest, rows };
  }
  return `${format(ordered, '', [''])}\n`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

function format(value: unknown, indent: string, path: string[]): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const isRows = path.join('.') === '.layout.rows';
  const one = inline(value);
  if (!isRows && indent.length + one.length <= INLINE_WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v, i) => inner + format(v, inner, [...path, String(i)])).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, [...path, k])}`).join(',\n')}\n${indent}}`;
}
