import { CellKind, hasEdge, type Roadmap } from '../../sim/index.ts';

/** A roadmap with lane discipline at lane-fed nodes, and which nodes those are. */
export interface LaneEntryRoadmap {
  /** The roadmap without the side entries into lane-fed nodes (same nodes, same ids). */
  readonly roadmap: Roadmap;
  /** Per node: 1 where the node is lane-fed (entered only from the lane(s) that end in it). */
  readonly fed: Readonly<Uint8Array>;
  /** How many nodes are lane-fed (0: `roadmap` is the original). */
  readonly fedCount: number;
}

const cache = new WeakMap<Roadmap, LaneEntryRoadmap>();

/**
 * A *lane-fed node* is a two-way node, other than a station, that a one-way lane runs into and
 * cannot be left back into (the lane's last cell points at it): a pass-through point such as a
 * sortation induct, fed by its queue lane and left on the other sides. Entering it sideways (from
 * the aisle it is left into, or from a lane beside it) puts robots that wait to get in on the
 * very nodes its occupant must leave by, a gridlock no side-step can clear once they are all
 * taken. This returns the roadmap without those side entries: a lane-fed node is entered only from
 * the lane(s) feeding it, so routes into it (or through it) come down its queue, and routes out of
 * it are unchanged. Stations keep all their edges (they have their own queue discipline, and the
 * goods-to-person floors keep their routes). Derived from the roadmap alone, once per roadmap.
 */
export function laneEntryRoadmap(map: Roadmap): LaneEntryRoadmap {
  let entry = cache.get(map);
  if (!entry) {
    entry = buildLaneEntryRoadmap(map);
    cache.set(map, entry);
  }
  return entry;
}

/** Whether `m` is a one-way lane node with an edge into `n` and no edge back (its lane ends in `n`). */
function feeds(map: Roadmap, m: number, n: number): boolean {
  return map.nodeKind[m] === CellKind.OneWay && !hasEdge(map, n, m);
}

function buildLaneEntryRoadmap(map: Roadmap): LaneEntryRoadmap {
  const n = map.nodeCount;
  const fed = new Uint8Array(n);
  let fedCount = 0;
  for (let m = 0; m < n; m++) {
    if (map.nodeKind[m] !== CellKind.OneWay) continue;
    for (let e = map.edgeStart[m]!; e < map.edgeStart[m + 1]!; e++) {
      const t = map.edgeTarget[e]!;
      const kind = map.nodeKind[t];
      if (kind === CellKind.OneWay || kind === CellKind.Station || fed[t] === 1 || !feeds(map, m, t)) continue;
      fed[t] = 1;
      fedCount += 1;
    }
  }
  if (fedCount === 0) return { roadmap: map, fed, fedCount };
  const edgeStart = new Int32Array(n + 1);
  const targets: number[] = [];
  const dirs: number[] = [];
  for (let m = 0; m < n; m++) {
    edgeStart[m] = targets.length;
    for (let e = map.edgeStart[m]!; e < map.edgeStart[m + 1]!; e++) {
      const t = map.edgeTarget[e]!;
      if (fed[t] === 1 && !feeds(map, m, t)) continue; // a side entry into a lane-fed node
      targets.push(t);
      dirs.push(map.edgeDir[e]!);
    }
  }
  edgeStart[n] = targets.length;
  const roadmap: Roadmap = Object.freeze({ ...map, edgeStart, edgeTarget: Int32Array.from(targets), edgeDir: Uint8Array.from(dirs) });
  return { roadmap, fed, fedCount };
}
