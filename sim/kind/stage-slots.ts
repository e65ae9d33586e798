import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';

/**
 * The fixed slots of a tick, in order. The core runs `physics` (one Rapier step), `contacts`
 * (dispatches the step's contacts to kinds) and, at the start of `scripted`, the spec's timeline;
 * every other slot runs the stages kinds registered for it, kinds in registry order.
 *
 * - `command`: apply the commands a controller issued this control tick
 * - `release`: new work enters (orders, parts from a source)
 * - `motion`: onboard controllers and motion models set where bodies go
 * - `physics`, `contacts`
 * - `settle`: bodies that fell or were set down come to rest
 * - `handling`: lifts, drops, grasps finish
 * - `process`: stations, machines and pickers work
 * - `scripted`: the timeline fires; kinds end what earlier events started
 * - `monitor`: detectors (deadlocks, starvation)
 * - `sample`: periodic totals for the KPIs
 */
export const STAGE_SLOTS = ['command', 'release', 'motion', 'physics', 'contacts', 'settle', 'handling', 'process', 'scripted', 'monitor', 'sample'] as const;
export type StageSlot = (typeof STAGE_SLOTS)[number];

/** Wall-clock split of one tick, filled only when a host passes a clock (never read by the sim). */
export interface StageClock {
  now(): number;
  physicsMs: number;
}

/** Everything a stage is given: one object instead of a growing argument list. */
export interface StageContext {
  readonly model: SimModel;
  readonly state: SimState;
  /** Commands a controller issued for this tick (empty between control ticks). */
  commands: readonly unknown[];
  /** A kind's per-episode working memory (see `KindDef.createScratch`). */
  scratch<T>(kind: string): T;
  readonly clock: StageClock | undefined;
  /**
   * Event speed: the world has no moving body and the host skips idle ticks, so the physics step
   * is skipped too (it would change nothing but Rapier's step counter).
   */
  worldAtRest?: boolean;
}
