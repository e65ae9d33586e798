import { z } from 'zod';

/**
 * The errand kind's spec section, `errands`: tasks that are sequences of places to visit (League
 * of Robot Runners style). A pool of `openTasks` tasks is revealed at once; each finished task is
 * replaced by the next one of `tasks`, the list reused cyclically.
 */
export const errandsSpecSchema = z.strictObject({
  /** Each task: layout cell indices (`row * cols + col`) to visit in order. */
  tasks: z.array(z.array(z.number().int().nonnegative()).min(1).max(64)).min(1).max(200_000),
  /** Tasks revealed (open or under way) at any time, e.g. LoRR's `numTasksReveal × teamSize`. */
  openTasks: z.number().int().positive().max(100_000),
  /**
   * Seconds a robot must stand still on errand `k` of a task before it counts as reached (an
   * operator loading a parcel, a tilt-tray tipping it); the last value applies to later errands.
   * Empty (the default): an errand is reached as soon as the robot's centre enters its cell.
   */
  dwellSec: z.array(z.number().nonnegative().max(3600)).max(64).default([]),
});

/** The errands section with defaults filled in. */
export type ErrandsSpec = z.output<typeof errandsSpecSchema>;
