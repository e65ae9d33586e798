import type { StageContext } from '../../kind/stage-slots.ts';
import { FLOOR_TOLERANCE_M } from '../../step/watchdog.ts';
import { loadRows } from './load-columns.ts';

/** The watchdog's check of loads settling under physics: finite and above the floor. */
export function checkLoadPoses({ model, state }: StageContext): { thing: number; reason: string } | null {
  const loads = loadRows.table(state);
  const kind = model.kinds.indexOf(loadRows.id);
  for (let l = 0; l < loads.count; l++) {
    if (loads.settleTicksLeft[l]! <= 0) continue;
    const t = state.physics.bodyTranslation(kind, l);
    const bad =
      !Number.isFinite(t.x) || !Number.isFinite(t.y) || !Number.isFinite(t.z)
        ? 'its pose is not a number'
        : t.y < -FLOOR_TOLERANCE_M
          ? `it fell through the floor (y ${t.y.toFixed(2)} m)`
          : null;
    if (bad) return { thing: l, reason: bad };
  }
  return null;
}
