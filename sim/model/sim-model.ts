import type { ScenarioSpecCore } from '../schema/scenario-spec.ts';
import type { LayoutGrid } from './layout-grid.ts';
import type { Roadmap } from './roadmap.ts';

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
}
