import { CellKind, DIR_COL, DIR_ROW, type LayoutGrid } from './layout-grid.ts';

/**
 * The roadmap: one node per drivable cell, directed edges between 4-neighbours that respect
 * one-way lanes. Compressed sparse rows, so it is cheap to share with controllers and workers.
 */
export interface Roadmap {
  nodeCount: number;
  /** Node centre, metres. */
  nodeX: Float64Array;
  nodeZ: Float64Array;
  /** Layout cell index of each node. */
  nodeCell: Int32Array;
  /** CellKind of each node. */
  nodeKind: Uint8Array;
  /** Node of each layout cell, -1 for walls. */
  cellNode: Int32Array;
  /** Outgoing edges of node n are `edgeTarget[edgeStart[n] .. edgeStart[n+1])`. */
  edgeStart: Int32Array;
  edgeTarget: Int32Array;
  /** Direction (0 N, 1 E, 2 S, 3 W) of each edge. */
  edgeDir: Uint8Array;
  cellM: number;
}

/**
 * Whether a move from a cell in direction `dir` into a neighbour is allowed: no move against a
 * one-way lane's direction out of or into it (turning off or onto it sideways is fine), and tote
 * stands only north–south.
 */
function moveAllowed(grid: LayoutGrid, from: number, to: number, dir: number): boolean {
  // A tote stand has rails on its east and west sides: it is entered and left north–south only.
  const sideways = dir === 1 || dir === 3;
  if (sideways && (grid.kinds[from] === CellKind.ToteRack || grid.kinds[to] === CellKind.ToteRack)) return false;
  const against = (dir + 2) % 4;
  return grid.oneWay[from] !== against && grid.oneWay[to] !== against;
}

/** Builds the roadmap of a parsed layout. Node ids follow cell order, so they are stable. */
export function buildRoadmap(grid: LayoutGrid): Roadmap {
  const cellCount = grid.rows * grid.cols;
  const cellNode = new Int32Array(cellCount).fill(-1);
  const cells: number[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    if (grid.kinds[cell] !== CellKind.Wall) {
      cellNode[cell] = cells.length;
      cells.push(cell);
    }
  }
  const n = cells.length;
  const nodeX = new Float64Array(n);
  const nodeZ = new Float64Array(n);
  const nodeCell = Int32Array.from(cells);
  const nodeKind = new Uint8Array(n);
  const edgeStart = new Int32Array(n + 1);
  const targets: number[] = [];
  const dirs: number[] = [];
  for (let i = 0; i < n; i++) {
    const cell = cells[i]!;
    const r = Math.floor(cell / grid.cols);
    const c = cell - r * grid.cols;
    nodeX[i] = (c + 0.5) * grid.cellM;
    nodeZ[i] = (r + 0.5) * grid.cellM;
    nodeKind[i] = grid.kinds[cell]!;
    edgeStart[i] = targets.length;
    for (let dir = 0; dir < 4; dir++) {
      const rr = r + DIR_ROW[dir]!;
      const cc = c + DIR_COL[dir]!;
      if (rr < 0 || cc < 0 || rr >= grid.rows || cc >= grid.cols) continue;
      const to = rr * grid.cols + cc;
      if (cellNode[to]! < 0 || !moveAllowed(grid, cell, to, dir)) continue;
      targets.push(cellNode[to]!);
      dirs.push(dir);
    }
  }
  edgeStart[n] = targets.length;
  return {
    nodeCount: n,
    nodeX,
    nodeZ,
    nodeCell,
    nodeKind,
    cellNode,
    edgeStart,
    edgeTarget: Int32Array.from(targets),
    edgeDir: Uint8Array.from(dirs),
    cellM: grid.cellM,
  };
}

/** Whether `b` is a direct successor of `a` on the roadmap. */
export function hasEdge(map: Roadmap, a: number, b: number): boolean {
  for (let e = map.edgeStart[a]!; e < map.edgeStart[a + 1]!; e++) if (map.edgeTarget[e] === b) return true;
  return false;
}

/** The layout cell (row-major index) a world point lies in, or -1 outside the layout or at a NaN coordinate. */
export function cellAt(map: Roadmap, cols: number, rows: number, x: number, z: number): number {
  const c = Math.floor(x / map.cellM);
  const r = Math.floor(z / map.cellM);
  return c >= 0 && r >= 0 && c < cols && r < rows ? r * cols + c : -1;
}

/** Nearest node to a world point (by cell lookup), or -1 when the point is on a wall, outside or at a NaN coordinate. */
export function nodeAt(map: Roadmap, cols: number, rows: number, x: number, z: number): number {
  const cell = cellAt(map, cols, rows, x, z);
  return cell < 0 ? -1 : map.cellNode[cell]!;
}
