import { CellKind, type Roadmap } from '../../../sim/index.ts';
import { LazyGoalSearch } from './lazy-goal-search.ts';
import { reverseEdges, type ReversedEdges } from './reversed-edges.ts';
import { StampedLru } from './stamped-lru.ts';
import { UNREACHABLE_STEPS } from './unreachable-steps.ts';

export { UNREACHABLE_STEPS };

/** Distances to one goal as PIBT reads them: `at(node)` steps (a full table, an `Int32Array`, is one). */
export interface StepDistances {
  at(node: number): number | undefined;
}

/**
 * Memory the lazy searches of one controller may hold, bytes, when full tables do not fit (see
 * {@link GoalDistances.field}): past it the least recently used searches are dropped (and redone
 * when asked again; the numbers never change). The searches of 10,000 robots on the LoRR
 * iron-harvest map held about 2.1 GB 60 simulated seconds in (searches still in use must fit, or
 * they are redone every tick).
 */
export const LAZY_SEARCH_BUDGET_BYTES = 3 * 1024 * 1024 * 1024;

/**
 * Roadmaps of at least this many nodes always get lazy searches (a full table is 4 bytes a node:
 * 8.8 MB a goal on the 2.2-million-node iron-harvest map). Below it, full tables while the fleet's
 * goals fit in {@link GOAL_TABLES_BUDGET_BYTES}: measured on the Start-Kit maps, a table per goal
 * beat lazy searches on the 96,603-node game map `orz` (3.0 against 1.7 simulated s per CPU s,
 * 1,800 robots) and lost by about 10 % on the city and warehouse maps.
 */
export const LAZY_FROM_NODES = 1_048_576;

/**
 * Landmarks the lazy searches of a large roadmap aim with (4 bytes a node each without one-way
 * edges, else 8). Iron-harvest map (2.2 million nodes), 35 random goal/robot pairs, mean distance
 * 1,163 steps: 31,868 nodes held a search with 8, 10,243 with 16, 8,600 with 32.
 */
export const LANDMARKS = 16;

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
  private readonly rev: ReversedEdges;
  private readonly tables = new StampedLru<Int32Array>();
  private readonly searches = new StampedLru<LazyGoalSearch>();
  private searchBytes = 0;
  /** Adds a search's growth to {@link searchBytes} (searches dropped are never asked again). */
  private readonly countGrowth = (addedBytes: number): void => {
    this.searchBytes += addedBytes;
  };
  private queueBuffer: Int32Array | null = null;
  /** 1 on storage nodes (a loaded robot's table reaches them but never passes through), made on first need. */
  private storageFlags: Uint8Array | null = null;

  /** Node count of the roadmap the tables are for. */
  readonly nodeCount: number;

  /** @param maxTables tables kept before the least recently used eighth of them is dropped (default: as many as fit in {@link GOAL_TABLES_BUDGET_BYTES}). */
  constructor(
    private readonly map: Roadmap,
    private readonly maxTables = goalTablesWithin(GOAL_TABLES_BUDGET_BYTES, map.nodeCount),
  ) {
    this.nodeCount = map.nodeCount;
    this.rev = reverseEdges(map, map.nodeCount >= LAZY_FROM_NODES ? LANDMARKS : 0);
    this.revStart = this.rev.revStart;
    this.revSource = this.rev.revSource;
  }

  /**
   * Distances to `goal` for a robot at `from`, in a fleet heading to about `goalCount` goals at
   * once: the full table ({@link to}) while that many tables fit in the cache and the map has
   * fewer than {@link LAZY_FROM_NODES} nodes, else a lazy exact
   * search ({@link LazyGoalSearch}) that holds only the nodes it searched. Both give the same
   * numbers, so the choice changes speed and memory, never a decision.
   */
  field(goal: number, loaded: boolean, from: number, goalCount: number): StepDistances {
    if (goalCount <= this.maxTables && this.nodeCount < LAZY_FROM_NODES) return this.to(goal, loaded);
    const key = goal * 2 + (loaded ? 1 : 0);
    let search = this.searches.get(key);
    if (search) return search;
    search = new LazyGoalSearch(this.map, this.rev, goal, loaded, from, this.countGrowth);
    this.searchBytes += search.bytes;
    this.searches.set(key, search);
    return search;
  }

  /**
   * Drops the least recently used lazy searches while they hold more than `budgetBytes` (call
   * between steps, never while a step holds a search). Searches grow and shrink as they are asked,
   * so the bound is enforced here rather than on creation. O(1) while within it: the searches report
   * their changes into a running total instead of being summed every call (10,000 of them a
   * control tick on the iron-harvest map). Dropping more than needed (down to three quarters of
   * the budget, the largest first) was tried and measured worse at 10,000 robots (0.06x against
   * 0.13x real time after 20 simulated seconds): every dropped search was in use and redone.
   */
  trimSearches(budgetBytes = LAZY_SEARCH_BUDGET_BYTES): void {
    this.searches.evictWhile(
      () => this.searchBytes > budgetBytes,
      (s) => {
        this.searchBytes -= s.bytes;
      },
    );
  }

  /** Bytes the lazy searches hold (as of the last {@link trimSearches}: they may grow between). */
  get lazySearchBytes(): number {
    return this.searchBytes;
  }

  /** Steps from every node to `goal` (`UNREACHABLE_STEPS` where there is no way). */
  to(goal: number, loaded: boolean): Int32Array {
    const key = goal * 2 + (loaded ? 1 : 0);
    const hit = this.tables.get(key);
    if (hit) return hit;
    const table = this.search(goal, loaded);
    this.tables.set(key, table);
    // Past the limit, drop an eighth at once: eviction sorts the entries, so it is kept rare.
    if (this.tables.size > this.maxTables) this.tables.evictWhile(() => this.tables.size > this.maxTables - (this.maxTables >> 3));
    return table;
  }

  /**
   * One breadth-first search, level by level (the step count is a loop constant, not reloaded per
   * node), over locals (no property loads in the inner loop), with the loaded rule read from a
   * per-node flag array made once.
   */
  private search(goal: number, loaded: boolean): Int32Array {
    const n = this.map.nodeCount;
    const dist = new Int32Array(n).fill(UNREACHABLE_STEPS);
    const q = (this.queueBuffer ??= new Int32Array(n));
    // A loaded robot may stand on a storage node (it just lifted there) but not pass through one.
    const sink = loaded ? (this.storageFlags ??= storageNodes(this.map)) : null;
    const revStart = this.revStart;
    const revSource = this.revSource;
    dist[goal] = 0;
    q[0] = goal;
    let head = 0;
    let tail = 1;
    for (let steps = 1; head < tail; steps++) {
      const levelEnd = tail;
      for (; head < levelEnd; head++) {
        const v = q[head]!;
        const edgesEnd = revStart[v + 1]!;
        for (let e = revStart[v]!; e < edgesEnd; e++) {
          const u = revSource[e]!;
          if (dist[u] !== UNREACHABLE_STEPS) continue;
          dist[u] = steps;
          if (sink === null || sink[u] === 0) q[tail++] = u;
        }
      }
    }
    return dist;
  }
}

/** 1 on each storage node (rack or tote rack), 0 elsewhere. */
function storageNodes(map: Roadmap): Uint8Array {
  const flags = new Uint8Array(map.nodeCount);
  for (let v = 0; v < map.nodeCount; v++) if (map.nodeKind[v] === CellKind.Rack || map.nodeKind[v] === CellKind.ToteRack) flags[v] = 1;
  return flags;
}
