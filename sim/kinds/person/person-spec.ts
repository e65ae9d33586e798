import { z } from 'zod';
import { cellRefSchema } from '../../schema/scenario-spec.ts';

/** A waypoint of a person's route: a layout cell (its centre) or a point in metres. */
const waypointSchema = z.union([cellRefSchema, z.strictObject({ xM: z.number().nonnegative(), zM: z.number().nonnegative() })]);

/** What a person on the floor is: a picker on foot or a forklift. */
const PERSON_ROLES = ['picker', 'forklift'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** One person walking (or driving) a loop of waypoints. */
const walkerSchema = z.strictObject({
  role: z.enum(PERSON_ROLES),
  /** Waypoints walked in order, then from the last back to the first (a loop). */
  route: z.array(waypointSchema).min(2),
  /** Walking speed; defaults by role (picker 1.2 m/s, forklift 1.8 m/s). */
  speedMps: z.number().positive().max(5).optional(),
  /** Pause at each waypoint (picking, loading); defaults by role (picker 8 s, forklift 3 s). */
  pauseSec: z.number().nonnegative().max(600).optional(),
  /** Seeded spread of each leg's speed and each pause: ± this fraction (default 0.2). */
  variation: z.number().min(0).max(0.9).optional(),
});

/** The person kind's spec section, `people`: who walks where, and what counts as a near miss. */
export const peopleSpecSchema = z.strictObject({
  walkers: z.array(walkerSchema).min(1).max(200),
  /** Robot–person separation (metres, chassis or load to body) under which a near miss is counted (default 0.25). */
  nearMissM: z.number().positive().max(5).optional(),
});

export type PeopleSpec = z.infer<typeof peopleSpecSchema>;
export type WalkerSpec = z.infer<typeof walkerSchema>;
