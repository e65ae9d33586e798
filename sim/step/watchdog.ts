import type { StageContext } from '../kind/stage-slots.ts';
import { robotRows } from '../kinds/robot/index.ts';
import { loadRows } from '../kinds/load/index.ts';
import { KindIndex } from '../kinds/kind-index.ts';
import type { SimState } from '../state/sim-state.ts';

declare module '../events/sim-event.ts' {
  interface SimEventMap {
    /**
     * A pose became impossible (not a number, below the floor, off the layout): the episode must
     * stop here. `kind` and `thing` name it; hosts end the run cleanly and report it like a
     * controller failure.
     */
    'watchdog.tripped': { kind: string; thing: number; reason: string };
  }
}

/** How far below the floor (metres) a set-down load may sink before it counts as fallen through. */
export const FLOOR_TOLERANCE_M = 0.5;
/** How far outside the layout's rectangle (metres) a robot may be before it counts as off the floor. */
export const OFF_FLOOR_MARGIN_M = 2;

/** States that already tripped (reported once; never hashed: it is not part of the state). */
const tripped = new WeakSet<SimState>();

/** Whether the watchdog tripped in this state (the host should stop the episode). */
export function watchdogTripped(state: SimState): boolean {
  return tripped.has(state);
}

/**
 * Core stage at the end of every tick: every robot's pose must be finite and on the layout's
 * floor, every load settling under physics must be finite and above the floor. The first
 * violation emits `watchdog.tripped` once; healthy ticks emit nothing and change nothing.
 *
 * Only the motion model moves a robot, and a robot it moved this tick has a non-zero (or NaN)
 * speed or turn rate, so each tick checks those; once per simulated second (and on the first tick)
 * every robot is checked, which catches a pose written from outside (a restored snapshot, a
 * test) within a second. Standing robots cost nothing in between.
 */
export function runWatchdog(ctx: StageContext): void {
  const { model, state } = ctx;
  if (tripped.has(state)) return;
  const maxX = model.grid.cols * model.grid.cellM + OFF_FLOOR_MARGIN_M;
  const maxZ = model.grid.rows * model.grid.cellM + OFF_FLOOR_MARGIN_M;
  const r = robotRows.table(state);
  const everyRobot = state.tick % model.hz === 0;
  for (let i = 0; i < r.count; i++) {
    if (!everyRobot && r.speedMps[i] === 0 && r.turnRps[i] === 0) continue;
    const x = r.posX[i]!;
    const z = r.posZ[i]!;
    const bad = !Number.isFinite(x) || !Number.isFinite(z) || !Number.isFinite(r.headX[i]!) || !Number.isFinite(r.headZ[i]!) ? 'its pose is not a number' : x < -OFF_FLOOR_MARGIN_M || z < -OFF_FLOOR_MARGIN_M || x > maxX || z > maxZ ? `it left the floor at (${x.toFixed(2)}, ${z.toFixed(2)}) m` : null;
    if (bad) return trip(state, 'robot', i, bad);
  }
  const loads = loadRows.table(state);
  for (let l = 0; l < loads.count; l++) {
    if (loads.settleTicksLeft[l]! <= 0) continue;
    const t = state.physics.bodyTranslation(KindIndex.Load, l);
    const bad = !Number.isFinite(t.x) || !Number.isFinite(t.y) || !Number.isFinite(t.z) ? 'its pose is not a number' : t.y < -FLOOR_TOLERANCE_M ? `it fell through the floor (y ${t.y.toFixed(2)} m)` : null;
    if (bad) return trip(state, 'load', l, bad);
  }
}

function trip(state: SimState, kind: string, thing: number, reason: string): void {
  tripped.add(state);
  state.events.push({ type: 'watchdog.tripped', tick: state.tick, kind, thing, reason: `${kind} ${thing}: ${reason}` });
}
