import type { CellKind } from '../model/layout-grid.ts';
import type { BoxColliderDesc } from '../physics/physics-builder.ts';

/** Physical dimensions of a load type, metres and kilograms (a square footprint `widthM` on a side). */
export interface LoadGeometry {
  widthM: number;
  heightM: number;
  /** Clearance under the load (robots drive in under it to lift it); 0 when it rides on a deck or stand. */
  clearanceM: number;
  /** Leg (or runner) width inside the footprint, for the foot plate a set-down load stands on; 0 for none. */
  legM: number;
  massKg: number;
}

/** One box of a load's look, in load coordinates (origin at the centre of its base, y up), metres. */
export interface LoadPart {
  readonly sizeXM: number;
  readonly sizeYM: number;
  readonly sizeZM: number;
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
}

/** A collider fixed in the world at a load's home (a tote stand's rails), relative to the home node's centre. */
export type LoadFixtureDesc = BoxColliderDesc & { readonly x: number; readonly y: number; readonly z: number };

/**
 * A type of load robots carry (a rack pod, a tote, a pallet): one row of the load kind's table of
 * types. A kind declares one with `KindDef.loadType` and owns its layout character (`legend`);
 * the load kind compiles a load on every such cell, builds its bodies from `colliders`, and the
 * page draws it from `look`. Robot models name the type they carry in `handles`.
 */
export interface LoadTypeDef {
  /** The type's name, what robot models put in `handles`: `pod`, `tote`, `pallet`. Lowercase. */
  readonly id: string;
  /** The layout character of a cell where one is stored at the start (the declaring kind's `legend` owns it). */
  readonly char: string;
  /** What the layout calls one of its cells, for messages: `a rack pod (R)`. */
  readonly cellName: string;
  readonly geometry: LoadGeometry;
  /** Height of its base above the floor at home with the lift down (totes ride on stand-height rails), metres. */
  readonly restYM: number;
  /** Where it may be set down, when not on every free node (totes only on stands). */
  readonly setDownOnly?: { readonly cell: CellKind; readonly what: string };
  /** Its colliders on its own body (layers `load`, `load-foot`), from its geometry. */
  colliders(geo: LoadGeometry): readonly BoxColliderDesc[];
  /** Colliders fixed in the world at its home (layer `static`), relative to the home node's centre. */
  fixtures?(geo: LoadGeometry): readonly LoadFixtureDesc[];
  /** How the page draws it: boxes in one colour (RGB hex), optionally see-through (robots under it stay visible). */
  readonly look: { readonly label: string; readonly colorHex: number; readonly seeThrough?: boolean; parts(geo: LoadGeometry): readonly LoadPart[] };
}
