import { z } from 'zod';

/** A point in the world, metres: x east, y up, z south. */
export const pointSchema = z.strictObject({ x: z.number().min(-1e4).max(1e4), y: z.number().min(-10).max(100), z: z.number().min(-1e4).max(1e4) });

/** One item type: a box of the given size and mass, with a fixed pool of rows and bodies. */
const itemTypeSchema = z.strictObject({
  /** Name other sections and events use (`part`, `unit`, `tote`). */
  id: z.string().min(1).max(64),
  /** Box size, metres: `x` along the belt when riding, `y` up, `z` across. */
  sizeM: z.strictObject({ x: z.number().min(0.01).max(3), y: z.number().min(0.01).max(3), z: z.number().min(0.01).max(3) }),
  massKg: z.number().positive().max(2000),
  /** How many of this type can be in play at once (rows and Rapier bodies, created up front). */
  pool: z.number().int().positive().max(10_000),
});

/** The item kind's spec section, `items`: types with their pools, and items in play at tick 0. */
export const itemsSpecSchema = z.strictObject({
  types: z.array(itemTypeSchema).min(1),
  /** Items spawned at tick 0 (free dynamic bodies at the given centre). */
  initial: z.array(z.strictObject({ type: z.string().min(1), at: pointSchema })).default([]),
});

export type ItemsSpec = z.output<typeof itemsSpecSchema>;
export type ItemTypeSpec = z.output<typeof itemTypeSchema>;
