import type { SimModel } from '../model/sim-model.ts';
import type { HandedRoadmap } from './handed-roadmap.ts';

/**
 * What the observer keeps between control ticks: each kind's own view cache (views of loads, tasks
 * and stations that did not change are handed out again: they are frozen, so no controller can
 * alter what another tick sees) and the roadmap copy handed out.
 */
export interface ObservationCache {
  /** Each kind's view cache, by kind id (made by its `fleetView.createCache`). */
  readonly kinds: Map<string, unknown>;
  /** Each kind's `observe` cache, by kind id (made by its `createObserveCache`). */
  readonly things: Map<string, unknown>;
  /** The roadmap copy handed out for `roadmapOf` (see handed-roadmap.ts). */
  roadmap: HandedRoadmap | null;
  roadmapOf: SimModel | null;
}

/** An empty cache: the first observation through it builds every object. */
export function createObservationCache(): ObservationCache {
  return { kinds: new Map(), things: new Map(), roadmap: null, roadmapOf: null };
}
