import type { KindDef } from '../../kind/kind-def.ts';
import { CellKind } from '../../model/layout-grid.ts';
import { palletType } from './pallet-type.ts';

/**
 * Pallets on their floor places (`Q`): a load type, carried by robot models whose `handles` is
 * `pallet`. The load kind holds every pallet's row (compiled, hashed, snapshotted, framed and
 * observed like pods and totes); this kind adds only the type and its cell.
 */
export const palletKind: KindDef = {
  id: 'pallet',
  legend: {
    Q: { cell: CellKind.Rack, meaning: 'floor place holding a pallet; pallet movers drive their forks in under it, loaded ones cannot pass' },
  },
  columns: {},
  loadType: palletType,
};
