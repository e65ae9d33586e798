import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';

/** Stage 8: scripted faults start and end on their tick. */
export function injectFaults(model: SimModel, state: SimState): void {
  const r = state.robots;
  for (const fault of model.spec.faults) {
    if (Math.round(fault.atSec * model.hz) !== state.tick) continue;
    r.faultUntilTick[fault.robot] = state.tick + Math.round(fault.durationSec * model.hz);
    state.events.push({ type: 'fault.injected', tick: state.tick, robot: fault.robot, kind: fault.kind, durationSec: fault.durationSec });
  }
  for (let i = 0; i < r.count; i++) {
    if (r.faultUntilTick[i]! >= 0 && r.faultUntilTick[i]! <= state.tick) {
      r.faultUntilTick[i] = -1;
      state.events.push({ type: 'fault.cleared', tick: state.tick, robot: i });
    }
  }
}
