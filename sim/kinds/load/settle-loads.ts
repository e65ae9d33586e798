import { KindIndex } from '../../kind/kind-index.ts';
import { loadRows } from './load-columns.ts';
import type { StageContext } from '../../kind/stage-slots.ts';

/** Settle-slot stage: a set-down load that has settled becomes a fixed body where it lies. */
export function settleLoads({ state }: StageContext): void {
  const settle = loadRows.table(state).settleTicksLeft;
  for (let l = 0; l < settle.length; l++) {
    if (settle[l] === 0) continue;
    settle[l] = settle[l]! - 1;
    if (settle[l] === 0 && loadRows.table(state).holderKind[l] === -1) state.physics.makeFixed(KindIndex.Load, l);
  }
}
