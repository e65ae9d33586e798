import type { SimModel } from '../../model/sim-model.ts';
import { loadRows } from '../load/index.ts';
import type { SimState } from '../../state/sim-state.ts';

/**
 * Nodes a robot carrying a load may not drive through: storage nodes where another load
 * rests (its load would hit that load's legs or stand). Built once per call, O(loads).
 */
export function blockedForCarrier(model: SimModel, state: SimState): (node: number) => boolean {
  const occupied = new Uint8Array(model.roadmap.nodeCount);
  for (let l = 0; l < loadRows.table(state).count; l++) {
    const node = loadRows.table(state).node[l]!;
    if (node >= 0) occupied[node] = 1;
  }
  return (node) => occupied[node] === 1;
}
