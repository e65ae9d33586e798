import type { SimEvent } from '../events/sim-event.ts';
import type { KindProgress } from '../kind/kind-def.ts';
import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';

declare module '../events/sim-event.ts' {
  interface SimEventMap {
    /**
     * Work waits and nothing was delivered for `stalledSec` simulated seconds (since `sinceTick`,
     * the last delivery or the start): `waiting` counts the work by its unit, `stillRobots` lists
     * the robots that have not moved for the last {@link STILL_FOR_SEC} simulated seconds. Emitted once per stall, again after the next
     * delivery and a new stall.
     */
    'progress.stalled': { sinceTick: number; stalledSec: number; waiting: Record<string, number>; stillRobots: number[] };
  }
}

/** Shortest stall reported, simulated seconds. */
export const MIN_STALL_SEC = 300;
/** Before the first delivery a scenario gets this long, simulated seconds (fleets ramp up, lines fill). */
export const FIRST_DELIVERY_STALL_SEC = 600;
/** A stall is this many times the longest gap between deliveries seen so far (at least {@link MIN_STALL_SEC}). */
export const STALL_GAP_FACTOR = 5;
/** A robot counts as still when it has not moved for this long, simulated seconds. */
const STILL_FOR_SEC = 60;
/** A robot that stays within this distance of where it stood has not moved, metres. */
const STILL_RADIUS_M = 0.5;

/** Watches one episode for work that waits with nothing delivered (see `progress.stalled`). */
export interface ProgressWatchdog {
  /** Folds one event of the tick (deliveries reset the clock). */
  onEvent(event: SimEvent): void;
  /** After a tick: the stall event to emit, or null. */
  afterTick(state: SimState): SimEvent | null;
}

/**
 * The progress watchdog of an episode, or null when none of its kinds declares the work it
 * delivers. It lives in the host beside the KPI accumulator: it reads the state, never writes it,
 * and is not hashed. Its clock is the tick, so the same run stalls at the same tick anywhere.
 */
export function createProgressWatchdog(model: SimModel): ProgressWatchdog | null {
  const kinds = model.kinds.kinds.filter((k) => k.progress !== undefined).map((k) => k.progress!) as KindProgress[];
  if (kinds.length === 0) return null;
  const delivering = new Set(kinds.flatMap((k) => k.deliveredBy));
  // Things that drive (robots): the kind declaring where its things stand.
  const drivers = model.kinds.drivers;
  const robots = drivers ? (model.things[drivers.id]?.length ?? 0) : 0;
  const anchorX = new Float64Array(robots).fill(Number.NaN);
  const anchorZ = new Float64Array(robots).fill(Number.NaN);
  const lastMovedTick = new Int32Array(robots);
  let lastDeliveryTick = 0;
  let longestGapTicks = 0;
  let delivered = 0;
  let reported = false;
  let lastTick = -1;
  /** The next whole simulated second to look at (event speed may jump over ticks). */
  let nextCheckTick = 0;

  const stallTicks = () => (delivered === 0 ? FIRST_DELIVERY_STALL_SEC * model.hz : Math.max(MIN_STALL_SEC * model.hz, STALL_GAP_FACTOR * longestGapTicks));

  return {
    onEvent(event) {
      if (!delivering.has(event.type)) return;
      if (delivered > 0) longestGapTicks = Math.max(longestGapTicks, event.tick - lastDeliveryTick);
      delivered += 1;
      lastDeliveryTick = event.tick;
      reported = false;
    },
    afterTick(state) {
      const tick = state.tick;
      // A restored snapshot earlier in the episode: start watching afresh from there.
      if (tick <= lastTick) {
        lastDeliveryTick = tick;
        reported = false;
        anchorX.fill(Number.NaN);
        nextCheckTick = tick;
      }
      lastTick = tick;
      if (tick < nextCheckTick) return null;
      nextCheckTick = tick - (tick % model.hz) + model.hz;
      for (let i = 0; i < robots; i++) {
        const [x, z] = drivers!.floorPosition!(state, i);
        if (!(Math.hypot(x - anchorX[i]!, z - anchorZ[i]!) <= STILL_RADIUS_M)) {
          anchorX[i] = x;
          anchorZ[i] = z;
          lastMovedTick[i] = tick;
        }
      }
      if (reported || tick - lastDeliveryTick < stallTicks()) return null;
      const waiting: Record<string, number> = {};
      let total = 0;
      for (const k of kinds) {
        const n = k.waiting(model, state);
        if (n > 0) waiting[k.unit] = (waiting[k.unit] ?? 0) + n;
        total += n;
      }
      if (total === 0) return null;
      // A long repair or process is slow work, not a stall: look again next second.
      if (kinds.some((k) => k.underWay?.(model, state))) return null;
      reported = true;
      const stillRobots: number[] = [];
      for (let i = 0; i < robots; i++) if (lastMovedTick[i]! <= tick - STILL_FOR_SEC * model.hz) stillRobots.push(i);
      return { type: 'progress.stalled', tick, sinceTick: lastDeliveryTick, stalledSec: (tick - lastDeliveryTick) / model.hz, waiting, stillRobots };
    },
  };
}
