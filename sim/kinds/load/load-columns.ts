import { col, type ThingTable } from '../../state/columns.ts';
import type { LoadKind } from '../../schema/robot-model-spec.ts';
import type { LoadGeometry, LoadTypeDef } from '../../kind/load-type.ts';
import { defineKind } from '../../kind/define-kind.ts';

/**
 * The load table, indexed by load id. A load is held by at most one thing, named by
 * `(holderKind, holderId)`: the holder's kind index in the kind registry (robot = 0) and its id.
 */
export const LOAD_COLUMNS = {
  node: col.i32(-1), // node the load rests on, or -1 while held
  holderKind: col.i32(-1), // kind index of the holder, or -1 while resting
  holderId: col.i32(-1), // id of the holder within its kind, or -1
  task: col.i32(-1), // active task using this load, or -1
  settleTicksLeft: col.i32(), // ticks a set-down load stays dynamic before it is fixed in place; 0 when fixed
} as const;

/** Load state table (see {@link LOAD_COLUMNS}). */
export type LoadTable = ThingTable<typeof LOAD_COLUMNS>;

/** The load kind's typed handle: its id, columns and table. */
export const loadRows = defineKind<typeof LOAD_COLUMNS, LoadModel, LoadFields>('load', LOAD_COLUMNS);

/** What the load kind's `compile` adds to the model. */
export interface LoadFields {
  /** Nodes where a load may be set down and stored (every load type's cells: R, T …). */
  readonly storageNodes: readonly number[];
  /** Per load: height of its base above the floor with the lift down, metres (totes ride on stand-height rails). */
  readonly loadBaseYM: Float64Array;
  /** Loads holding each SKU, ascending load id. */
  readonly skuLoads: readonly (readonly number[])[];
  /** Geometry of each load type, by type id. */
  readonly loadGeometry: Readonly<Record<LoadKind, LoadGeometry>>;
  /** The load types of the kind registry, by type id (each load's `kind` names one). */
  readonly loadTypes: Readonly<Record<LoadKind, LoadTypeDef>>;
}

/** A carriable load as compiled: where it starts and what it holds. */
export interface LoadModel {
  id: number;
  /** Its load type's id (`pod`, `tote`, `pallet` …). */
  kind: LoadKind;
  /** Storage node where the load starts. */
  homeNode: number;
  /** SKUs stored in it. */
  skus: readonly number[];
  massKg: number;
}
