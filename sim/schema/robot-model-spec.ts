import { z } from 'zod';

/**
 * Physical specification of a robot model, authored in `robots/models/`.
 * All lengths in metres, times in seconds, speeds in m/s, turn rates in rad/s.
 */
export const robotModelSpecSchema = z.object({
  /** Registry id, e.g. `shelf-lifter`. */
  id: z.string().min(1),
  /**
   * The load type it carries, by id: `pod` (a whole rack pod, from below), `tote` (on its deck),
   * `pallet`, or any load type a kind declares. Checked against the registry's types at compile.
   */
  handles: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a load type id: lowercase letters, digits and dashes'),
  /** Chassis box: length along the heading, width across it, height above the floor. */
  footprint: z.object({
    lengthM: z.number().positive().max(5),
    widthM: z.number().positive().max(5),
    heightM: z.number().positive().max(3),
  }),
  massKg: z.number().positive(),
  /** Heaviest load it may lift. */
  payloadKg: z.number().positive(),
  maxSpeedMps: z.number().positive().max(10),
  /** Acceleration and braking limit. */
  maxAccelMps2: z.number().positive().max(20),
  /** Turn-rate limit (in-place rotation and while driving). */
  maxTurnRps: z.number().positive().max(10),
  /** How high the lift raises a load above the chassis top. */
  liftHeightM: z.number().nonnegative().max(2),
  /** Time to raise or lower the lift. */
  liftSec: z.number().nonnegative().max(60),
  /** Safety scanner: slow inside `slowDistanceM` of an obstacle ahead, stop inside `stopDistanceM`. */
  safety: z.object({
    stopDistanceM: z.number().nonnegative().max(5),
    slowDistanceM: z.number().nonnegative().max(10),
  }),
  /** Battery and power draw: `idleW` when standing, plus `drivingWPerMps` per m/s of speed. */
  battery: z.object({
    capacityWh: z.number().positive(),
    idleW: z.number().nonnegative(),
    drivingWPerMps: z.number().nonnegative(),
    chargeW: z.number().positive(),
  }),
});

/** Physical specification of a robot model (see {@link robotModelSpecSchema} for units). */
export type RobotModelSpec = z.infer<typeof robotModelSpecSchema>;

/** A load type's id (`pod`, `tote`, `pallet` …): what a robot model carries (`handles`) and each load is. */
export type LoadKind = RobotModelSpec['handles'];
