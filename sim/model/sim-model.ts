import type { ScenarioSpecCore } from '../schema/scenario-spec.ts';
import type { RobotModelSpec } from '../schema/robot-model-spec.ts';
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

/** A scripted event of the spec's timeline, with the tick it fires on and the kind that handles it. */
export interface TimelineEntry {
  readonly tick: number;
  /** Index in `spec.events`. */
  readonly index: number;
  readonly owner: string;
  readonly event: Readonly<{ atSec: number; kind: string } & Record<string, unknown>>;
}

/**
 * Compiled, frozen scenario: everything that does not change during an episode.
 * Derived only from the spec, never from the seed.
 */
export interface SimModel {
  /** The validated spec: the core fields, and each kind's section by its key (read by that kind). */
  readonly spec: Omit<ScenarioSpecCore, 'events'> & { readonly events: readonly TimelineEntry['event'][]; readonly [section: string]: unknown };
  readonly id: string;
  readonly dtSec: number;
  readonly hz: number;
  readonly controlEvery: number;
  readonly horizonTicks: number;
  readonly grid: LayoutGrid;
  readonly roadmap: Roadmap;
  /** Wall runs (row, first and last column) for colliders and rendering. */
  readonly walls: readonly { row: number; col0: number; col1: number }[];
  // `kinds`, the kind registry this scenario was compiled with, is declared by sim/kind/kind-registry.ts
  // (the model does not depend on the kind contract; the contract adds itself to the model).
  /** Compiled things of every kind, by kind id; their count is the kind's table row count. */
  readonly things: Readonly<Record<string, readonly unknown[]>>;
  /** The scripted-event timeline by firing tick, in spec order within a tick. */
  readonly timeline: ReadonlyMap<number, readonly TimelineEntry[]>;

  // What the built-in kinds compiled (robots, loads, stations): `things.robot` etc. by name.
  readonly robots: readonly RobotModel[];
  readonly loads: readonly LoadModel[];
  readonly stations: readonly StationModel[];
  readonly chargerNodes: readonly number[];
  /** Nodes where a load may be set down and stored (R and T cells). */
  readonly storageNodes: readonly number[];
  /** Per load: height of its base above the floor with the lift down, metres (totes ride on stand-height rails). */
  readonly loadBaseYM: Float64Array;
  /** Loads holding each SKU, ascending load id. */
  readonly skuLoads: readonly (readonly number[])[];
  readonly loadGeometry: Readonly<Record<LoadKind, LoadGeometry>>;
}
