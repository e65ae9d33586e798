import type { Roadmap } from '../../sim/index.ts';

/**
 * The VDA 5050 map frame of a scenario's layout: x east and y north in metres from the layout's
 * south-west corner (right-handed, z up), theta counter-clockwise from +x in radians. Roadmap
 * node `k` is the VDA node `n<k>`. The sim's own frame has z growing south from the north edge.
 */
export interface MapFrame {
  /** The `mapId` orders and states use: the scenario id. */
  readonly mapId: string;
  readonly roadmap: Roadmap;
  readonly cols: number;
  readonly rows: number;
  /** Layout depth (north–south), metres. */
  readonly depthM: number;
}

/** A map frame over a roadmap and its grid. */
export function createMapFrame(mapId: string, roadmap: Roadmap, grid: { cols: number; rows: number }): MapFrame {
  return { mapId, roadmap, cols: grid.cols, rows: grid.rows, depthM: grid.rows * roadmap.cellM };
}

/** The VDA node id of roadmap node `node`. */
export function nodeIdOf(node: number): string {
  return `n${node}`;
}

/** The roadmap node a VDA node id names (`n<k>`), or -1. */
export function roadNodeOfId(frame: MapFrame, nodeId: string): number {
  const m = /^n(0|[1-9]\d*)$/.exec(nodeId);
  if (!m) return -1;
  const k = Number(m[1]);
  return k < frame.roadmap.nodeCount ? k : -1;
}

/** Map-frame position of roadmap node `node`. */
export function nodeXY(frame: MapFrame, node: number): { x: number; y: number } {
  return { x: frame.roadmap.nodeX[node]!, y: frame.depthM - frame.roadmap.nodeZ[node]! };
}

/** Map-frame position of a sim position (x east, z south). */
export function simToMap(frame: MapFrame, x: number, z: number): { x: number; y: number } {
  return { x, y: frame.depthM - z };
}

/** Heading angle in the map frame of a sim heading unit vector (hx east, hz south), radians in (−π, π]. */
export function thetaOf(headingX: number, headingZ: number): number {
  return Math.atan2(-headingZ, headingX);
}

/**
 * The roadmap node nearest to map-frame `(x, y)` within `deviationM` (centre distance), or -1.
 * Only the cells around the point are looked at.
 */
export function roadNodeNear(frame: MapFrame, x: number, y: number, deviationM: number): number {
  const map = frame.roadmap;
  const z = frame.depthM - y;
  const reach = Math.ceil(deviationM / map.cellM) + 1;
  const c0 = Math.floor(x / map.cellM);
  const r0 = Math.floor(z / map.cellM);
  let best = -1;
  let bestD2 = deviationM * deviationM;
  for (let r = r0 - reach; r <= r0 + reach; r++) {
    for (let c = c0 - reach; c <= c0 + reach; c++) {
      if (r < 0 || c < 0 || r >= frame.rows || c >= frame.cols) continue;
      const n = map.cellNode[r * frame.cols + c]!;
      if (n < 0) continue;
      const d2 = (map.nodeX[n]! - x) ** 2 + (map.nodeZ[n]! - z) ** 2;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = n;
      }
    }
  }
  return best;
}

/** Whether the roadmap has a directed edge `from → to`. */
export function hasRoadEdge(map: Roadmap, from: number, to: number): boolean {
  for (let e = map.edgeStart[from]!; e < map.edgeStart[from + 1]!; e++) if (map.edgeTarget[e] === to) return true;
  return false;
}

/**
 * The roadmap nodes an order edge `from → to` drives through (excluding `from`, ending with `to`):
 * a straight run along one row or column, every step a roadmap edge. `[]` when `from === to`;
 * null when the two nodes are not joined that way (the edge would skip nodes or cross walls).
 */
export function straightRun(frame: MapFrame, from: number, to: number): number[] | null {
  if (from === to) return [];
  const map = frame.roadmap;
  const cols = frame.cols;
  const a = map.nodeCell[from]!;
  const b = map.nodeCell[to]!;
  const ra = Math.floor(a / cols);
  const rb = Math.floor(b / cols);
  const ca = a - ra * cols;
  const cb = b - rb * cols;
  if (ra !== rb && ca !== cb) return null;
  const dr = Math.sign(rb - ra);
  const dc = Math.sign(cb - ca);
  const out: number[] = [];
  let prev = from;
  for (let r = ra + dr, c = ca + dc; ; r += dr, c += dc) {
    const n = map.cellNode[r * cols + c]!;
    if (n < 0 || !hasRoadEdge(map, prev, n)) return null;
    out.push(n);
    prev = n;
    if (n === to) return out;
  }
}
