import type { exportMapJson } from '../../bench/vda5050/export-map.ts';

type ExportedMap = ReturnType<typeof exportMapJson>;

/**
 * What a fleet manager does with `vda5050 export-map`: shortest routes on the exported directed
 * edges, avoiding given nodes. Test-side code: it only reads the exported map.
 */
export class MapRouter {
  private readonly out = new Map<string, string[]>();
  readonly position = new Map<string, { x: number; y: number; kind: string }>();

  constructor(readonly map: ExportedMap) {
    for (const n of map.nodes) this.position.set(n.nodeId, { x: n.x, y: n.y, kind: n.kind });
    for (const e of map.edges) {
      const list = this.out.get(e.startNodeId) ?? [];
      list.push(e.endNodeId);
      this.out.set(e.startNodeId, list);
    }
  }

  /** Node ids from `from` to `to` (both included), or throws. */
  route(from: string, to: string, avoid: ReadonlySet<string> = new Set()): string[] {
    const prev = new Map<string, string>([[from, '']]);
    const queue = [from];
    while (queue.length > 0) {
      const n = queue.shift()!;
      if (n === to) break;
      for (const m of this.out.get(n) ?? []) {
        if (prev.has(m) || (avoid.has(m) && m !== to)) continue;
        prev.set(m, n);
        queue.push(m);
      }
    }
    if (!prev.has(to)) throw new Error(`no route ${from} → ${to}`);
    const path = [to];
    while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
    return path;
  }

  /** Node id at map-frame cell (column, row from the north edge). */
  nodeAtCell(col: number, rowFromNorth: number): string {
    const x = (col + 0.5) * this.map.cellM;
    const y = this.map.depthM - (rowFromNorth + 0.5) * this.map.cellM;
    const hit = this.map.nodes.find((n) => Math.abs(n.x - x) < 1e-6 && Math.abs(n.y - y) < 1e-6);
    if (!hit) throw new Error(`no node at column ${col}, row ${rowFromNorth}`);
    return hit.nodeId;
  }
}

/** An action on an order node. */
export interface NodeActionSpec {
  at: string;
  actionType: 'pick' | 'drop';
  actionId: string;
}

/**
 * Order nodes and edges along `path` (every roadmap node an order node), sequence ids from
 * `firstSequenceId`, released up to `releasedNodes` nodes (all when absent).
 */
export function orderAlong(
  path: readonly string[],
  actions: readonly NodeActionSpec[],
  options: { firstSequenceId?: number; releasedNodes?: number; edgePrefix?: string } = {},
) {
  const first = options.firstSequenceId ?? 0;
  const released = options.releasedNodes ?? path.length;
  const nodes = path.map((nodeId, k) => ({
    nodeId,
    sequenceId: first + 2 * k,
    released: k < released,
    actions: actions
      .filter((a) => a.at === nodeId && k === path.lastIndexOf(nodeId))
      .map((a) => ({ actionId: a.actionId, actionType: a.actionType, blockingType: 'HARD' as const, actionParameters: [] })),
  }));
  const edges = path.slice(1).map((endNodeId, k) => ({
    edgeId: `${options.edgePrefix ?? 'e'}${path[k]}-${endNodeId}-${first + 2 * k + 1}`,
    sequenceId: first + 2 * k + 1,
    released: k + 1 < released,
    startNodeId: path[k]!,
    endNodeId,
    actions: [],
  }));
  return { nodes, edges };
}
