/**
 * The built-in pick-and-place cell controller: each arm picks the nearest holdable thing within
 * its reach that is not already on one of its place slots, and puts it on the first free slot
 * (the spec's `placeSlots`, or `options.place`): one nothing sits on, not even a thing riding a belt. Commands go one at a time: the next is issued
 * when the arm is idle again and its `commandsDone` grew; a refused command drops the sequence,
 * and a thing that could not be gripped twice (or a slot refused twice) is left alone.
 */
import type { ArmCommand, ArmObservation, ArmPose, CellController, ReachableThing } from '../../sim/index.ts';
import { armsOf, pick, place, type PickPlaceOptions } from './cell-sdk.ts';

/** Options of {@link createPickPlaceCell}. */
export interface PickPlaceCellOptions extends PickPlaceOptions {
  /** Place slots for every arm (surface points), instead of each arm's `placeSlots`. */
  readonly place?: readonly { xM: number; yM: number; zM: number; yawDeg?: number }[];
  /** Height above the surface at which a thing is let go (m). */
  readonly releaseGapM?: number;
}

interface ArmMemory {
  queue: ArmCommand[];
  /** `commandsDone` the arm reaches when the issued command finishes; -1 when none is out. */
  expectDone: number;
  target: string | null;
  lastKind: string;
  failures: Map<string, number>;
}

const SLOT_RADIUS_M = 0.03;

export function createPickPlaceCell(options: PickPlaceCellOptions = {}): CellController {
  const memory = new Map<number, ArmMemory>();
  const slotsOf = (arm: ArmObservation) => (options.place ?? arm.placeSlots).map((s) => ({ xM: s.xM, yM: s.yM, zM: s.zM, yawDeg: s.yawDeg ?? 0 }));
  const onSlot = (arm: ArmObservation, t: ReachableThing) => slotsOf(arm).some((s) => Math.hypot(t.xM - s.xM, t.zM - s.zM) < SLOT_RADIUS_M);

  function plan(arm: ArmObservation, m: ArmMemory): ArmCommand[] {
    if (arm.holding) {
      const slots = slotsOf(arm);
      const free = slots.findIndex(
        (s, i) =>
          (m.failures.get(`slot:${i}`) ?? 0) < 2 &&
          !(options.place ? false : arm.placeSlotsTaken[i]) &&
          !arm.reachable.some((t) => Math.hypot(t.xM - s.xM, t.zM - s.zM) < SLOT_RADIUS_M),
      );
      if (free < 0) return [];
      const slot = slots[free]!;
      const pose: ArmPose = { xM: slot.xM, yM: slot.yM + arm.holding.belowTcpM + (options.releaseGapM ?? 0.003), zM: slot.zM, yawDeg: slot.yawDeg };
      m.target = `slot:${free}`;
      return place(arm, pose, options);
    }
    const key = (t: ReachableThing) => `${t.kind}:${t.id}`;
    const candidates = arm.reachable.filter((t) => !onSlot(arm, t) && (m.failures.get(key(t)) ?? 0) < 2);
    if (candidates.length === 0) return [];
    const dist = (t: ReachableThing) => Math.hypot(t.xM - arm.tcp.xM, t.zM - arm.tcp.zM);
    const item = candidates.reduce((best, t) => (dist(t) < dist(best) - 1e-9 ? t : best));
    m.target = key(item);
    return pick(arm, item, options);
  }

  return {
    name: 'pick-place',
    reset() {
      memory.clear();
    },
    saveState: () =>
      [...memory].map(([arm, m]) => ({
        arm,
        queue: structuredClone(m.queue),
        expectDone: m.expectDone,
        target: m.target,
        lastKind: m.lastKind,
        failures: [...m.failures],
      })),
    loadState(saved) {
      memory.clear();
      for (const m of saved as Array<{
        arm: number;
        queue: ArmCommand[];
        expectDone: number;
        target: string | null;
        lastKind: string;
        failures: Array<[string, number]>;
      }>) {
        memory.set(m.arm, { queue: structuredClone(m.queue), expectDone: m.expectDone, target: m.target, lastKind: m.lastKind, failures: new Map(m.failures) });
      }
    },
    decide(observation) {
      const out: ArmCommand[] = [];
      for (const arm of armsOf(observation)) {
        let m = memory.get(arm.id);
        if (!m) memory.set(arm.id, (m = { queue: [], expectDone: -1, target: null, lastKind: '', failures: new Map() }));
        if (arm.busy) continue;
        if (m.expectDone >= 0) {
          const refused = arm.commandsDone < m.expectDone;
          // Refused, or a grasp that found nothing to hold: count it against the target and start over.
          if (refused || (m.lastKind === 'grasp' && !arm.holding)) {
            if (m.target && (refused || !m.target.startsWith('slot:'))) m.failures.set(m.target, (m.failures.get(m.target) ?? 0) + 1);
            m.queue = refused ? [] : m.queue;
          }
          m.expectDone = -1;
        }
        if (m.queue.length === 0) m.queue = plan(arm, m);
        const next = m.queue.shift();
        if (!next) continue;
        m.expectDone = arm.commandsDone + 1;
        m.lastKind = next.kind;
        out.push(next);
      }
      return out;
    },
  };
}

/** The built-in cell controller with default options (what `--cell-controller pick-place` runs). */
export default function createDefaultPickPlaceCell(): CellController {
  return createPickPlaceCell();
}
