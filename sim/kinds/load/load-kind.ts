import { loadRows } from './load-columns.ts';
import { createLoadViewCache, observeLoads, type LoadViewCache } from './load-views.ts';
import { checkLoadPoses } from './check-load-poses.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { LoadModel } from './load-columns.ts';
import { buildLoads, LOAD_LAYERS } from './load-bodies.ts';
import { LOAD_COLUMNS } from './load-columns.ts';
import { compileLoads } from './load-compile.ts';
import { loadContact } from './load-contacts.ts';
import { settleLoads } from './settle-loads.ts';

/**
 * Things that are carried: one row per load of every load type the registry's kinds declare
 * (`KindDef.loadType`: rack pods `R`, totes on stands `T`, pallets `Q` …), in registry order.
 */
export const loadKind: KindDef<undefined, LoadModel, typeof LOAD_COLUMNS> = {
  id: 'load',
  columns: LOAD_COLUMNS,
  checkPoses: checkLoadPoses,
  fleetView: {
    createCache: createLoadViewCache,
    write({ model, state }, cache: LoadViewCache | null, out) {
      out.loads = observeLoads(model, state, cache ?? createLoadViewCache());
      out.storageNodes = loadRows.fields(model).storageNodes;
    },
  },
  compile: compileLoads,
  init(table, model) {
    const node = table.node;
    for (const load of loadRows.things(model)) node[load.id] = load.homeNode;
  },
  layers: LOAD_LAYERS,
  buildOrder: 10,
  build: buildLoads,
  stages: [{ slot: 'settle', run: settleLoads }],
  onContact: loadContact,
  frame: {
    fields: ['x', 'y', 'z', 'holderKind', 'holderId'],
    write(model, state, out) {
      const loads = loadRows.table(state);
      for (let l = 0; l < loadRows.things(model).length; l++) {
        const p = state.physics.bodyTranslation(KindIndex.Load, l);
        const o = l * 5;
        out[o] = p.x;
        out[o + 1] = p.y;
        out[o + 2] = p.z;
        out[o + 3] = loads.holderKind[l]!;
        out[o + 4] = loads.holderId[l]!;
      }
    },
  },
};
