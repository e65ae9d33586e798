/**
 * Walls merged into rectangles (`web/render/merged-blocks.ts`): the rectangles cover exactly the
 * wall cells, each once, and a block of wall is one rectangle; the merged geometry holds five
 * faces a rectangle, lit from outside.
 */
import { describe, expect, it } from 'vitest';
import { cellRectangles, mergedBoxGeometry } from '../../web/render/merged-blocks.ts';

const WALL = 1;

function grid(rows: string[]): { cells: Uint8Array; cols: number; rows: number } {
  const cols = rows[0]!.length;
  const cells = new Uint8Array(cols * rows.length);
  rows.forEach((line, r) => {
    for (let c = 0; c < cols; c++) cells[r * cols + c] = line[c] === '#' ? WALL : 0;
  });
  return { cells, cols, rows: rows.length };
}

/** How many rectangles cover each cell. */
function coverage(rects: Int32Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cols * rows);
  for (let i = 0; i < rects.length; i += 4)
    for (let r = rects[i + 1]!; r < rects[i + 3]!; r++) for (let c = rects[i]!; c < rects[i + 2]!; c++) out[r * cols + c]! += 1;
  return out;
}

describe('cellRectangles', () => {
  it('covers every wall cell exactly once and nothing else', () => {
    const g = grid(['##########', '#...##...#', '#...##...#', '#.#....#.#', '##########']);
    const rects = cellRectangles(g.cells, g.cols, g.rows, WALL);
    const cover = coverage(rects, g.cols, g.rows);
    for (let i = 0; i < g.cells.length; i++) expect(cover[i], `cell ${i}`).toBe(g.cells[i] === WALL ? 1 : 0);
    expect(rects.length / 4).toBeLessThan(g.cells.filter((k) => k === WALL).length / 2);
  });

  it('makes one rectangle of a solid block, none of an empty grid', () => {
    const block = grid(['......', '.####.', '.####.', '.####.', '......']);
    expect([...cellRectangles(block.cells, block.cols, block.rows, WALL)]).toEqual([1, 1, 5, 4]);
    const empty = grid(['....', '....']);
    expect(cellRectangles(empty.cells, empty.cols, empty.rows, WALL).length).toBe(0);
  });
});

describe('mergedBoxGeometry', () => {
  it('holds a top and four sides per rectangle, scaled by the cell size, with outward normals', () => {
    const geometry = mergedBoxGeometry(Int32Array.from([1, 1, 5, 4, 0, 0, 1, 1]), 0.5, 1.2);
    expect(geometry.getAttribute('position').count).toBe(2 * 5 * 4);
    expect(geometry.getIndex()!.count).toBe(2 * 5 * 6);
    geometry.computeBoundingBox();
    expect(geometry.boundingBox!.min.toArray()).toEqual([0, 0, 0]);
    expect(geometry.boundingBox!.max.toArray()).toEqual([2.5, Math.fround(1.2), 2]);
    // Each triangle's winding agrees with its normal (front faces point out).
    const p = geometry.getAttribute('position');
    const n = geometry.getAttribute('normal');
    const index = geometry.getIndex()!;
    for (let t = 0; t < index.count; t += 3) {
      const [a, b, c] = [index.getX(t), index.getX(t + 1), index.getX(t + 2)];
      const ab = [p.getX(b) - p.getX(a), p.getY(b) - p.getY(a), p.getZ(b) - p.getZ(a)];
      const ac = [p.getX(c) - p.getX(a), p.getY(c) - p.getY(a), p.getZ(c) - p.getZ(a)];
      const cross = [ab[1]! * ac[2]! - ab[2]! * ac[1]!, ab[2]! * ac[0]! - ab[0]! * ac[2]!, ab[0]! * ac[1]! - ab[1]! * ac[0]!];
      expect(cross[0]! * n.getX(a) + cross[1]! * n.getY(a) + cross[2]! * n.getZ(a)).toBeGreaterThan(0);
    }
  });
});
