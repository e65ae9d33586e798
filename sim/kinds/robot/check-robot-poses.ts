import type { StageContext } from '../../kind/stage-slots.ts';
import { OFF_FLOOR_MARGIN_M } from '../../step/watchdog.ts';
import { robotRows } from './robot-columns.ts';

/**
 * The watchdog's check of robot poses: finite and on the layout's floor. Only the motion model
 * moves a robot, and a robot it moved this tick has a non-zero (or NaN) speed or turn rate, so each
 * tick checks those; once per simulated second (and on the first tick) every robot is checked,
 * which catches a pose written from outside (a restored snapshot, a test) within a second.
 * Standing robots cost nothing in between.
 */
export function checkRobotPoses({ model, state }: StageContext): { thing: number; reason: string } | null {
  const maxX = model.grid.cols * model.grid.cellM + OFF_FLOOR_MARGIN_M;
  const maxZ = model.grid.rows * model.grid.cellM + OFF_FLOOR_MARGIN_M;
  const r = robotRows.table(state);
  const everyRobot = state.tick % model.hz === 0;
  for (let i = 0; i < r.count; i++) {
    if (!everyRobot && r.speedMps[i] === 0 && r.turnRps[i] === 0) continue;
    const x = r.posX[i]!;
    const z = r.posZ[i]!;
    const bad =
      !Number.isFinite(x) || !Number.isFinite(z) || !Number.isFinite(r.headX[i]!) || !Number.isFinite(r.headZ[i]!)
        ? 'its pose is not a number'
        : x < -OFF_FLOOR_MARGIN_M || z < -OFF_FLOOR_MARGIN_M || x > maxX || z > maxZ
          ? `it left the floor at (${x.toFixed(2)}, ${z.toFixed(2)}) m`
          : null;
    if (bad) return { thing: i, reason: bad };
  }
  return null;
}
