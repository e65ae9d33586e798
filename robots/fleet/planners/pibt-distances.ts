import { CellKind, type Roadmap } from '../../../sim/index.ts';

/** Distance (roadmap steps) standing for "unreachable". */
export const UNREACHABLE_STEPS = 0x3fffffff;

/**
 * Memory the cached tables of one controller may take, bytes (4 bytes a node a table). A fixed
 * table count thrashed on large fleets (2,500 robots heading to ~2,500 goals through 1,024 slots)
 * and took 9 GB on a 2.2-million-node map; a byte budget keeps every goal of a large fleet
 * cached on a mid-size map and bounds memory on a huge one.
 */
const GOAL_TABLES_BUDGET_BYTES = 1024 * 1024 * 1024;

/** Tables of `nodeCount` nodes that fit in `budgetBytes` (at least 16). */
function goalTablesWithin(budgetBytes: number, nodeCount: number): number {
  return Math.max(16, Math.floor(budgetBytes / (4 * Math.max(1, nodeCount))));
}

/**
 * Exact step distances to goals on the roadmap, one breadth-first search over the reversed edges
 * per goal (one-way lanes respected), cached with least-recently-used eviction. Loaded shelf
 * lifters may not pass under other pods, so their tables never cross storage nodes other than the
 * goal (static, so tables can be cached; a loaded robot never plans through an empty storage
 * node). Deterministic: a table depends on the roadmap and the goal only, never on the cache.
 */
export class GoalDistances {
  private readonly revStart: Int32Array;
  private readonly revSource: Int32Array;
  private readonly tables = new Map<number, Int32Array>();
  private readonly queue: Int32Array;

  /** Node count of the roadmap the tables are for. */
  readonly nodeCount: number;

  /** @param maxTables tables kept before the least recently used one is dropped (default: as many as fit in {@link GOAL_TABLES_BUDGET_BYTES}). */
  constructor(private readonly map: Roadmap, private readonly maxTables = goalTablesWithin(GOAL_TABLES_BUDGET_BYTES, map.nodeCount)) {
    const n = map.nodeCount;
    this.nodeCount = n;
    const count = new Int32Array(n + 1);
    for (let e = 0; e < map.edgeTarget.length; e++) count[map.edgeTarget[e]! + 1]! += 1;
    for (let v = 0; v < n; v++) count[v + 1] = count[v + 1]! + count[v]!;
    this.revStart = count.slice();
    const fill = count.slice(0, n);
    this.revSource = new Int32Array(map.edgeTarget.length);
    for (let u = 0; u < n; u++) {
      for (let e = map.edgeStart[u]!; e < map.edgeStart[u + 1]!; e++) {
        const v = map.edgeTarget[e]!;
        this.revSource[fill[v]!] = u;
        fill[v] = fill[v]! + 1;
      }
    }
    this.queue = new Int32Array(n);
  }

  /** Steps from every node to `goal` (`UNREACHABLE_STEPS` where there is no way). */
  to(goal: number, loaded: boolean): Int32Array {
    const key = goal * 2 + (loaded ? 1 : 0);
    const hit = this.tables.get(key);
    if (hit) {
      this.tables.delete(key);
      this.tables.set(key, hit);
      return hit;
    }
    const table = this.search(goal, loaded);
    this.tables.set(key, table);
    if (this.tables.size > this.maxTables) this.tables.delete(this.tables.keys().next().value!);
    return table;
  }

  private search(goal: number, loaded: boolean): Int32Array {
    const { nodeKind } = this.map;
    const dist = new Int32Array(this.map.nodeCount).fill(UNREACHABLE_STEPS);
    const q = this.queue;
    dist[goal] = 0;
    q[0] = goal;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = q[head]!;
      const next = dist[v]! + 1;
      for (let e = this.revStart[v]!; e < this.revStart[v + 1]!; e++) {
        const u = this.revSource[e]!;
        if (dist[u] !== UNREACHABLE_STEPS) continue;
        dist[u] = next;
        // A loaded robot may stand on a storage node (it just lifted there) but not pass through one.
        if (loaded && (nodeKind[u] === CellKind.Rack || nodeKind[u] === CellKind.ToteRack)) continue;
        q[tail++] = u;
      }
    }
    return dist;
  }
}
