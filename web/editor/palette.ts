/**
 * The brushes of the editor: one per layout character, each with a colour on the drawing and a
 * short name on its button. The characters and their meanings come from the simulation's layout
 * legend (the checking worker sends it); a character the editor has no colour for is still a
 * brush (drawn magenta with its letter).
 */

/** How the editor draws and names one layout character. */
export interface Brush {
  readonly ch: string;
  readonly name: string;
  readonly color: string;
  /** Colour of the character drawn on the cell, or null to draw none. */
  readonly glyph: string | null;
}

const KNOWN: Readonly<Record<string, Omit<Brush, 'ch'>>> = {
  '#': { name: 'wall', color: '#334155', glyph: null },
  '.': { name: 'floor / aisle', color: '#e2e8f0', glyph: null },
  '^': { name: 'one-way north', color: '#cbd5e1', glyph: '#1d4ed8' },
  '>': { name: 'one-way east', color: '#cbd5e1', glyph: '#1d4ed8' },
  v: { name: 'one-way south', color: '#cbd5e1', glyph: '#1d4ed8' },
  '<': { name: 'one-way west', color: '#cbd5e1', glyph: '#1d4ed8' },
  R: { name: 'rack pod', color: '#f59e0b', glyph: '#451a03' },
  T: { name: 'tote stand', color: '#a78bfa', glyph: '#2e1065' },
  P: { name: 'pick station', color: '#38bdf8', glyph: '#082f49' },
  C: { name: 'charger', color: '#fde047', glyph: '#422006' },
  S: { name: 'robot start', color: '#86efac', glyph: '#14532d' },
  I: { name: 'induct point', color: '#f9a8d4', glyph: '#500724' },
  U: { name: 'sort chute', color: '#fda4af', glyph: '#4c0519' },
};

/** Brush order on the palette: the floor first, then lanes, storage, stations, the rest. */
const ORDER = ['#', '.', '^', '>', 'v', '<', 'R', 'T', 'P', 'C', 'S', 'I', 'U'];

/** Brushes made for legend characters the editor had no colour for (see {@link brushesFor}). */
const fromLegend = new Map<string, Brush>();

/** The brush of a character (known, met in the legend, or not: magenta with its letter). */
export function brushOf(ch: string): Brush {
  const known = KNOWN[ch];
  return known ? { ch, ...known } : (fromLegend.get(ch) ?? { ch, name: ch, color: '#f0f', glyph: '#000' });
}

/**
 * Brushes for every character of the legend, in palette order. A character the editor has no
 * colour for (a kind added since, such as pallets' `Q`) is named by its meaning and gets a colour
 * of its own, made from the character.
 */
export function brushesFor(legend: Readonly<Record<string, string>>): Brush[] {
  const chars = Object.keys(legend);
  const ordered = [...ORDER.filter((c) => chars.includes(c)), ...chars.filter((c) => !ORDER.includes(c)).sort()];
  for (const ch of chars) if (!KNOWN[ch]) fromLegend.set(ch, { ch, name: shortName(legend[ch]!, ch), color: colourOf(ch), glyph: '#000' });
  return ordered.map(brushOf);
}

/** The first words of a legend meaning (up to its first comma or semicolon), or the character. */
function shortName(meaning: string, ch: string): string {
  const head = meaning.split(/[,;:]/)[0]!.trim();
  return head.length === 0 ? ch : head.length > 28 ? `${head.slice(0, 27)}…` : head;
}

/** A light colour of its own for a character: its code point spread round the hue circle. */
function colourOf(ch: string): string {
  const hue = (ch.codePointAt(0)! * 137.508) % 360;
  return `hsl(${hue.toFixed(0)}, 70%, 72%)`;
}

/**
 * The lane brush: drag along a lane (or a rectangle, from where the lane starts to where it goes)
 * and it becomes one-way in the direction of the drag (`^` `>` `v` `<`).
 */
export const LANE_BRUSH: Brush = { ch: '→', name: 'lane by drag', color: '#cbd5e1', glyph: '#1d4ed8' };

/** The one-way lane character heading along a drag (east/west/north/south), for the lane brush. */
export function laneCharFor(dRow: number, dCol: number): string | null {
  if (dRow === 0 && dCol === 0) return null;
  if (Math.abs(dCol) >= Math.abs(dRow)) return dCol > 0 ? '>' : '<';
  return dRow > 0 ? 'v' : '^';
}
