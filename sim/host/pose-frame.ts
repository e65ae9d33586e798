import type { SimModel } from '../model/sim-model.ts';
import { KindIndex } from '../kinds/kind-index.ts';
import type { SimState } from '../state/sim-state.ts';

/** Floats per robot in a frame: x, z, headingX, headingZ, speedMps, mode, carried load, task. */
export const ROBOT_STRIDE = 8;
/** Floats per load in a frame: x, y, z, carrying robot (-1 when resting). */
export const LOAD_STRIDE = 4;

/**
 * Poses of everything that moves, as flat typed arrays: cheap to transfer from a worker.
 * `episode` identifies the loaded episode so a host can drop frames from a previous one.
 */
export interface PoseFrame {
  episode: number;
  tick: number;
  robots: Float32Array;
  loads: Float32Array;
}

/** Writes the current poses into `frame` (reusing its arrays when they fit). */
export function writePoseFrame(model: SimModel, state: SimState, episode: number, frame?: PoseFrame): PoseFrame {
  const r = state.robots;
  const robots = frame && frame.robots.length === r.count * ROBOT_STRIDE ? frame.robots : new Float32Array(r.count * ROBOT_STRIDE);
  const loads = frame && frame.loads.length === state.loads.count * LOAD_STRIDE ? frame.loads : new Float32Array(state.loads.count * LOAD_STRIDE);
  for (let i = 0; i < r.count; i++) {
    const o = i * ROBOT_STRIDE;
    robots[o] = r.posX[i]!;
    robots[o + 1] = r.posZ[i]!;
    robots[o + 2] = r.headX[i]!;
    robots[o + 3] = r.headZ[i]!;
    robots[o + 4] = r.speedMps[i]!;
    robots[o + 5] = r.faultUntilTick[i]! >= 0 ? 6 : r.mode[i]!;
    robots[o + 6] = r.carriedLoad[i]!;
    robots[o + 7] = r.task[i]!;
  }
  for (let l = 0; l < model.loads.length; l++) {
    const p = state.physics.loadPose(l);
    const o = l * LOAD_STRIDE;
    loads[o] = p.x;
    loads[o + 1] = p.y;
    loads[o + 2] = p.z;
    loads[o + 3] = state.loads.holderKind[l] === KindIndex.Robot ? state.loads.holderId[l]! : -1;
  }
  return { episode, tick: state.tick, robots, loads };
}
