import { z } from 'zod';
import { cellRefSchema } from '../../schema/scenario-spec.ts';

const at = { atSec: z.number().nonnegative() };
/** How long a fault lasts; absent: to the end of the run. */
const optionalDuration = z.number().positive().optional();

/** `robot.breakdown`: a robot breaks down and stands still until repaired (`durationSec`, its time to repair). */
export const robotBreakdownSchema = z.strictObject({
  ...at,
  kind: z.literal('robot.breakdown'),
  robot: z.number().int().nonnegative(),
  durationSec: z.number().positive(),
});
/** `station.close`: a pick station's picker is away; picks there stop (a pick under way pauses) until it reopens. */
export const stationCloseSchema = z.strictObject({
  ...at,
  kind: z.literal('station.close'),
  station: z.number().int().nonnegative(),
  durationSec: optionalDuration,
});
/** `command.latency`: every command is applied `controlTicks` control ticks after it was issued. */
export const commandLatencySchema = z.strictObject({
  ...at,
  kind: z.literal('command.latency'),
  controlTicks: z.number().int().min(1).max(100),
  durationSec: optionalDuration,
});
/** `observation.noise`: robot poses in observations get Gaussian noise (`poseSigmaM`), and scan beams drop out with probability `scanDropout` (a dropped beam reads the full range). */
export const observationNoiseSchema = z.strictObject({
  ...at,
  kind: z.literal('observation.noise'),
  poseSigmaM: z.number().nonnegative().max(5),
  scanDropout: z.number().min(0).max(1).optional(),
  durationSec: optionalDuration,
});
/** `node.block`: an aisle cell is closed (a spill, maintenance): an obstacle robots stop for, listed for planners. */
export const nodeBlockSchema = z.strictObject({ ...at, kind: z.literal('node.block'), cell: cellRefSchema, durationSec: optionalDuration });
/** `item.drop`: a tote or pod falls onto the floor at a cell: a dynamic body, an obstacle until it is cleared `clearAfterSec` later. */
export const itemDropSchema = z.strictObject({
  ...at,
  kind: z.literal('item.drop'),
  cell: cellRefSchema,
  item: z.enum(['tote', 'pod']),
  clearAfterSec: optionalDuration,
});

export type RobotBreakdownEvent = z.infer<typeof robotBreakdownSchema>;
export type StationCloseEvent = z.infer<typeof stationCloseSchema>;
export type CommandLatencyEvent = z.infer<typeof commandLatencySchema>;
export type ObservationNoiseEvent = z.infer<typeof observationNoiseSchema>;
export type NodeBlockEvent = z.infer<typeof nodeBlockSchema>;
export type ItemDropEvent = z.infer<typeof itemDropSchema>;

/** The spec section `faults`: seeded faults (scripted ones go in `events`). */
export const faultsSpecSchema = z.strictObject({
  /** Random robot breakdowns: each robot fails with mean time between failures `mtbfSec` and is repaired in `mttrSec` on average (0.5–1.5 × MTTR). */
  breakdowns: z.strictObject({ mtbfSec: z.number().positive(), mttrSec: z.number().positive(), fromSec: z.number().nonnegative().optional() }).optional(),
});
export type FaultsSpec = z.infer<typeof faultsSpecSchema>;

/** A fault's active window in ticks: `[fromTick, untilTick)`; `untilTick` is Infinity for the rest of the run. */
export interface FaultWindow<E> {
  readonly fromTick: number;
  readonly untilTick: number;
  readonly event: E;
}

/** `[fromTick, untilTick)` of a scripted fault with an optional duration. */
export function windowOf<E extends { atSec: number }>(event: E, durationSec: number | undefined, hz: number): FaultWindow<E> {
  const fromTick = Math.round(event.atSec * hz);
  return { fromTick, untilTick: durationSec === undefined ? Infinity : fromTick + Math.max(1, Math.round(durationSec * hz)), event };
}

/** The window active at `tick` (the latest started), or undefined. */
export function activeWindow<E>(windows: readonly FaultWindow<E>[], tick: number): FaultWindow<E> | undefined {
  let found: FaultWindow<E> | undefined;
  for (const w of windows) if (w.fromTick <= tick && tick < w.untilTick && (!found || w.fromTick >= found.fromTick)) found = w;
  return found;
}
