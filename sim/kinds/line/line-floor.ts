import { compileLine } from './line-model.ts';
import type { LineSpec } from './line-spec.ts';

/**
 * The floor of a line scenario without a `layout`: bare floor of 1 m cells, walled, reaching 2 m
 * past the farthest drawing position of the line's things (at least 4 × 4 cells inside).
 */
export function lineFloorLayout(section: LineSpec): { rows: string[]; cellM: number } {
  const { line } = compileLine(section);
  const things = [...line.sources, ...line.machines, ...line.buffers, ...line.sinks];
  const maxX = Math.max(0, ...things.map((t) => t.xM));
  const maxZ = Math.max(0, ...things.map((t) => t.zM));
  const cols = Math.min(2000, Math.max(6, Math.ceil(maxX + 3)));
  const rowsN = Math.min(2000, Math.max(6, Math.ceil(maxZ + 3)));
  const inner = `#${'.'.repeat(cols - 2)}#`;
  return { rows: ['#'.repeat(cols), ...Array.from({ length: rowsN - 2 }, () => inner), '#'.repeat(cols)], cellM: 1 };
}
