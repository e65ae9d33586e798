import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { KindFrame } from '../../kind/kind-def.ts';

/** The robot `mode` frame value of a robot a scripted stall holds (RobotMode values are 0–5). */
export const FRAME_MODE_FAULTED = 6;

/** Robot frame section: pose, speed, mode (or {@link FRAME_MODE_FAULTED}), carried load and task. */
export const robotFrame: KindFrame = {
  fields: ['x', 'z', 'headX', 'headZ', 'speedMps', 'mode', 'load', 'task'],
  write(_model: SimModel, state: SimState, out: Float32Array): void {
    const r = robotRows.table(state);
    for (let i = 0; i < r.count; i++) {
      const o = i * 8;
      out[o] = r.posX[i]!;
      out[o + 1] = r.posZ[i]!;
      out[o + 2] = r.headX[i]!;
      out[o + 3] = r.headZ[i]!;
      out[o + 4] = r.speedMps[i]!;
      out[o + 5] = r.faultUntilTick[i]! >= 0 ? FRAME_MODE_FAULTED : r.mode[i]!;
      out[o + 6] = r.carriedLoad[i]!;
      out[o + 7] = r.task[i]!;
    }
  },
};
