import { ImportError, type ImportIssue } from './import-error.ts';

/** A MovingAI grid as the test field's layout rows. */
export interface MovingAiGrid {
  /** Size as the file gives it. */
  readonly height: number;
  readonly width: number;
  /** Layout rows (`#` blocked, `.` free), with a wall border added when the map had none. */
  readonly rows: readonly string[];
  /** Whether a wall border was added (then layout cell = (row + 1, col + 1) of the map). */
  readonly padded: boolean;
  /** Layout cell index of map cell `row * width + col` (-1 when out of the map). */
  cellOf(mapCell: number): number;
  /** Whether a map cell is free. */
  isFree(mapCell: number): boolean;
}

const FREE = new Set(['.', 'G', 'S', 'E']);
const BLOCKED = new Set(['@', 'O', 'T', 'W']);

/**
 * Parses a MovingAI `.map` file: `type octile`, `height H`, `width W`, `map`, then H rows of W
 * characters. `.` and `G` are free, `@` `O` `T` `W` blocked, `S` (swamp) and `E` are treated as
 * free. When any border cell is free, a wall border is added around the map.
 * @throws ImportError naming the file and line of every problem found.
 */
export function parseMovingAiMap(text: string, file: string): MovingAiGrid {
  const issues: ImportIssue[] = [];
  const lines = text.split(/\r?\n/);
  const header = (index: number, key: string): string | null => {
    const line = lines[index];
    const parts = line?.trim().split(/\s+/) ?? [];
    if (parts[0] !== key) {
      issues.push({
        file,
        line: index + 1,
        message: `expected "${key}${key === 'map' ? '' : ' …'}", found ${line === undefined ? 'end of file' : JSON.stringify(line.slice(0, 40))}`,
      });
      return null;
    }
    return parts.slice(1).join(' ');
  };
  const type = header(0, 'type');
  if (type !== null && type !== 'octile') issues.push({ file, line: 1, message: `map type must be "octile", got ${JSON.stringify(type)}` });
  const size = (index: number, key: string): number => {
    const v = header(index, key);
    if (v === null) return 0;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > 4096) {
      issues.push({ file, line: index + 1, message: `${key} must be an integer in 1..4096, got ${JSON.stringify(v)}` });
      return 0;
    }
    return n;
  };
  const height = size(1, 'height');
  const width = size(2, 'width');
  header(3, 'map');
  if (issues.length > 0) throw new ImportError(issues);
  const grid: string[] = [];
  for (let r = 0; r < height; r++) {
    const lineNo = 5 + r;
    const line = (lines[4 + r] ?? '').replace(/\s+$/, '');
    if (4 + r >= lines.length || (4 + r === lines.length - 1 && line === '')) {
      issues.push({ file, line: lineNo, message: `map row ${r} missing: the header says height ${height} but the file ends after ${r} rows` });
      break;
    }
    if (line.length !== width) issues.push({ file, line: lineNo, message: `map row ${r} has ${line.length} cells; width is ${width}` });
    let out = '';
    for (let c = 0; c < width; c++) {
      const ch = line[c] ?? '@';
      if (FREE.has(ch)) out += '.';
      else if (BLOCKED.has(ch)) out += '#';
      else {
        if (issues.length < 50)
          issues.push({
            file,
            line: lineNo,
            message: `unknown map character ${JSON.stringify(ch)} at column ${c + 1}; valid: . G S E (free), @ O T W (blocked)`,
          });
        out += '#';
      }
    }
    grid.push(out);
  }
  for (let k = 4 + height; k < lines.length; k++) {
    if (lines[k]!.trim() !== '') {
      issues.push({ file, line: k + 1, message: `unexpected content after the ${height} map rows` });
      break;
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  const borderFree = grid[0]!.includes('.') || grid[height - 1]!.includes('.') || grid.some((r) => r[0] === '.' || r[width - 1] === '.');
  const rows = borderFree ? ['#'.repeat(width + 2), ...grid.map((r) => `#${r}#`), '#'.repeat(width + 2)] : grid;
  const layoutCols = borderFree ? width + 2 : width;
  const cellOf = (mapCell: number) => {
    if (!Number.isInteger(mapCell) || mapCell < 0 || mapCell >= width * height) return -1;
    const r = Math.floor(mapCell / width);
    const c = mapCell - r * width;
    return borderFree ? (r + 1) * layoutCols + c + 1 : r * layoutCols + c;
  };
  const isFree = (mapCell: number) => cellOf(mapCell) >= 0 && grid[Math.floor(mapCell / width)]![mapCell % width] === '.';
  return { height, width, rows, padded: borderFree, cellOf, isFree };
}
