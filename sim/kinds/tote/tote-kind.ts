import type { KindDef } from '../../kind/kind-def.ts';
import { CellKind } from '../../model/layout-grid.ts';
import { toteType } from './tote-type.ts';

/** Totes on their stands (`T`): a load type. The load kind holds every tote's row; this kind adds the type and its cell. */
export const toteKind: KindDef = {
  id: 'tote',
  legend: {
    T: {
      cell: CellKind.ToteRack,
      meaning:
        'tote stand holding a tote; a tote robot drives in under it (north-south only, the rails are on its east and west sides) to load or unload; totes are set down only on stands',
    },
  },
  columns: {},
  loadType: toteType,
};
