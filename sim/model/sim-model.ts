import type { RobotModelSpec } from '../spec/robot-model-spec.ts';
import type { ScenarioSpec } from '../spec/scenario-spec.ts';
import type { LayoutGrid } from './layout-grid.ts';
import type { Roadmap } from './roadmap.ts';

/** Kinds of things a robot can carry. New kinds (bins, parts) join here. */
export type LoadKind = 'pod' | 'tote';

/** A carriable load as compiled: where it starts and what it holds. */
export interface LoadModel {
  id: number;
  kind: LoadKind;
  /** Storage node where the load starts. */
  homeNode: number;
  /** SKUs stored in it. */
  skus: readonly number[];
  massKg: number;
}

/** A robot as compiled: its model and where it spawns. */
export interface RobotModel {
  /** Index in fleet order; also the robot's id. */
  id: number;
  model: RobotModelSpec;
  spawnNode: number;
}

/** A station where a (simulated) person picks order lines from a presented load. */
export interface StationModel {
  id: number;
  node: number;
}

/** Physical dimensions of loads by kind, metres and kilograms. */
export interface LoadGeometry {
  widthM: number;
  heightM: number;
  /** Clearance under a pod's shelf (robots drive under it); 0 for totes. */
  clearanceM: number;
  legM: number;
  massKg: number;
}

/**
 * Compiled, frozen scenario: everything that does not change during an episode.
 * Derived only from the spec, never from the seed.
 */
export interface SimModel {
  readonly spec: ScenarioSpec;
  readonly id: string;
  readonly dtSec: number;
  readonly hz: number;
  readonly controlEvery: number;
  readonly horizonTicks: number;
  readonly grid: LayoutGrid;
  readonly roadmap: Roadmap;
  readonly stations: readonly StationModel[];
  readonly chargerNodes: readonly number[];
  /** Nodes where a load may be set down and stored (R and T cells). */
  readonly storageNodes: readonly number[];
  readonly loads: readonly LoadModel[];
  /** Per load: height of its base above the floor with the lift down, metres (totes ride on stand-height rails). */
  readonly loadBaseYM: Float64Array;
  /** Loads holding each SKU, ascending load id. */
  readonly skuLoads: readonly (readonly number[])[];
  readonly robots: readonly RobotModel[];
  readonly loadGeometry: Readonly<Record<LoadKind, LoadGeometry>>;
  /** Wall runs (row, first and last column) for colliders and rendering. */
  readonly walls: readonly { row: number; col0: number; col1: number }[];
}
