import type { StageContext } from '../kind/stage-slots.ts';
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
 * Core stage at the end of every tick: each kind that can check its things' poses (robots: finite
 * and on the layout's floor; loads settling under physics: finite and above the floor) does so, in
 * registry order. The first violation emits `watchdog.tripped` once; healthy ticks emit nothing and
 * change nothing.
 */
export function runWatchdog(ctx: StageContext): void {
  const { model, state } = ctx;
  if (tripped.has(state)) return;
  for (const kind of model.kinds.poseCheckers) {
    const bad = kind.checkPoses!(ctx);
    if (bad) return trip(state, kind.id, bad.thing, bad.reason);
  }
}

function trip(state: SimState, kind: string, thing: number, reason: string): void {
  tripped.add(state);
  state.events.push({ type: 'watchdog.tripped', tick: state.tick, kind, thing, reason: `${kind} ${thing}: ${reason}` });
}
