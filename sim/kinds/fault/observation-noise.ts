import type { RobotObservation } from '../../control/types.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { createRng, seedRngState } from '../../rng/rng.ts';
import type { SimState } from '../../state/sim-state.ts';
import { activeUncertainty } from './fault-stages.ts';

/** Approximately standard normal from 12 uniforms (Irwin–Hall): only + and −, the same in every engine. */
function gaussian(next: () => number): number {
  let s = 0;
  for (let k = 0; k < 12; k++) s += next();
  return s - 6;
}

/**
 * Noisy observations (`observation.noise`), the fault kind's observation filter: while active, each robot's observed `x` and `z` get
 * independent Gaussian noise of `poseSigmaM`, and each scan beam drops out (reads the full range)
 * with probability `scanDropout`. The noise comes from its own stream per (tick, robot), forked by
 * name from the episode seed: it never shifts another stream and changes no state. `node` and
 * `atNode` stay as the robot's fiducial localisation reports them. Views are changed in place.
 */
export function applyObservationNoise(model: SimModel, state: SimState, robots: readonly RobotObservation[], scanRangeM: number | undefined): void {
  const noise = activeUncertainty(model, state.tick).noise;
  if (!noise) return;
  for (const view of robots) {
    const rng = createRng(seedRngState(state.seed, `noise/${state.tick}/${view.id}`));
    const next = () => rng.next();
    const v = view as { x: number; z: number };
    if (noise.poseSigmaM > 0) {
      v.x += noise.poseSigmaM * gaussian(next);
      v.z += noise.poseSigmaM * gaussian(next);
    }
    if (view.scanM && noise.scanDropout > 0 && scanRangeM !== undefined) {
      for (let b = 0; b < view.scanM.length; b++) if (next() < noise.scanDropout) view.scanM[b] = scanRangeM;
    }
  }
}
