import type { KindDef } from '../../kind/kind-def.ts';
import { CellKind } from '../../model/layout-grid.ts';
import { podType } from './pod-type.ts';

/** Rack pods (`R`): a load type. The load kind holds every pod's row; this kind adds the type and its cell. */
export const podKind: KindDef = {
  id: 'pod',
  legend: {
    R: { cell: CellKind.Rack, meaning: 'storage location holding a rack pod; empty-handed shelf lifters drive under pods, loaded ones cannot' },
  },
  columns: {},
  loadType: podType,
};
