import { KindIndex } from '../kind-index.ts';
import type { StageContext } from '../stage-slots.ts';

/** Settle-slot stage: a set-down load that has settled becomes a fixed body where it lies. */
export function settleLoads({ state }: StageContext): void {
  const settle = state.loads.settleTicksLeft;
  for (let l = 0; l < settle.length; l++) {
    if (settle[l] === 0) continue;
    settle[l] = settle[l]! - 1;
    if (settle[l] === 0 && state.loads.holderKind[l] === -1) state.physics.makeFixed(KindIndex.Load, l);
  }
}
