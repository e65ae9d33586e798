import type { LoadObservation } from '../../control/types.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { loadRows } from './load-columns.ts';

/** Load views handed out last time, with the raw values they were made from. */
export interface LoadViewCache {
  loads: readonly LoadObservation[];
  /** The load table's `node`, `holderKind` and `holderId` as they were when `loads` was made. */
  loadNode: Int32Array;
  loadHolderKind: Int32Array;
  loadHolderId: Int32Array;
}

/** An empty cache: the first observation through it builds every view. */
export const createLoadViewCache = (): LoadViewCache => ({
  loads: [],
  loadNode: new Int32Array(0),
  loadHolderKind: new Int32Array(0),
  loadHolderId: new Int32Array(0),
});

/** Load views (`observation.loads`), reusing last time's objects (and array) where nothing changed. */
export function observeLoads(model: SimModel, state: SimState, cache: LoadViewCache): readonly LoadObservation[] {
  const { node, holderKind, holderId } = loadRows.table(state);
  const previous = cache.loads;
  const fresh = previous.length !== loadRows.things(model).length;
  let out: LoadObservation[] | null = fresh ? [] : null;
  for (let l = 0; l < loadRows.things(model).length; l++) {
    if (!fresh && node[l] === cache.loadNode[l] && holderKind[l] === cache.loadHolderKind[l] && holderId[l] === cache.loadHolderId[l]) {
      if (out) out.push(previous[l]!);
      continue;
    }
    if (!out) out = previous.slice(0, l);
    const load = loadRows.things(model)[l]!;
    const held = holderKind[l]! >= 0;
    const holder = held ? Object.freeze({ kind: model.kinds.kinds[holderKind[l]!]?.id ?? 'unknown', id: holderId[l]! }) : null;
    out.push(
      Object.freeze({
        id: l,
        kind: load.kind,
        node: node[l]! >= 0 ? node[l]! : null,
        carriedBy: holderKind[l] === KindIndex.Robot ? holderId[l]! : null,
        holder,
        homeNode: load.homeNode,
      }),
    );
  }
  if (!out) return previous;
  cache.loads = Object.freeze(out);
  cache.loadNode = node.slice();
  cache.loadHolderKind = holderKind.slice();
  cache.loadHolderId = holderId.slice();
  return cache.loads;
}
