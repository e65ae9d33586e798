import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';
import { createHandedRoadmap } from './handed-roadmap.ts';
import { createObservationCache, type ObservationCache } from './observation-cache.ts';
import type { FleetObservation, FleetViewSections } from './types.ts';
import { deepFreeze } from '../util/deep-freeze.ts';

const NONE: readonly never[] = Object.freeze([]);
const gridViews = new WeakMap<SimModel, FleetObservation['grid']>();

/**
 * Builds the controller's view of the state: copies, never references into `SimState`. The kinds
 * write their sections (`robots`, `loads`, `stations`, `tasks` …) in registry order, then the
 * kinds' observation filters run (sensor noise). With a `cache` (kept by the host between control
 * ticks) unchanged loads, tasks and stations reuse their frozen views, so a control tick allocates
 * in proportion to what changed. A `trusted` controller (built in, read-only by contract) gets
 * the kinds' `things` views unfrozen.
 */
export function observe(
  model: SimModel,
  state: SimState,
  scan?: { beams: number; rangeM: number },
  cache?: ObservationCache,
  trusted = false,
): FleetObservation {
  const sections: Partial<FleetViewSections> = {};
  for (const kind of model.kinds.fleetViews) {
    const view = kind.fleetView!;
    let kindCache: unknown = cache?.kinds.get(kind.id) ?? null;
    if (cache && kindCache === null) cache.kinds.set(kind.id, (kindCache = view.createCache()));
    view.write({ model, state, scan }, kindCache, sections);
  }
  cache ??= createObservationCache();
  if (cache.roadmapOf !== model) {
    cache.roadmap = createHandedRoadmap(model.roadmap);
    cache.roadmapOf = model;
  }
  let grid = gridViews.get(model);
  if (!grid) gridViews.set(model, (grid = Object.freeze({ cols: model.grid.cols, rows: model.grid.rows, cellM: model.grid.cellM })));
  const observation: FleetObservation = {
    tick: state.tick,
    timeSec: state.tick * model.dtSec,
    dtSec: model.dtSec,
    controlEvery: model.controlEvery,
    robots: sections.robots ?? NONE,
    tasks: sections.tasks ?? NONE,
    loads: sections.loads ?? NONE,
    stations: sections.stations ?? NONE,
    roadmap: cache.roadmap!.roadmap,
    grid,
    storageNodes: sections.storageNodes ?? NONE,
    chargerNodes: sections.chargerNodes ?? NONE,
    things: observeThings(model, state, trusted, cache),
  };
  for (const kind of model.kinds.observationFilters) kind.filterObservation!(observation, { model, state }, scan?.rangeM);
  return observation;
}

const NO_THINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/** What kinds with an `observe` hand out (`observation.things[kind]`), frozen unless `trusted`. */
function observeThings(model: SimModel, state: SimState, trusted: boolean, cache: ObservationCache): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | null = null;
  for (const kind of model.kinds.kinds) {
    // A kind with no things in the scenario shows nothing (as it hashes nothing).
    if (!kind.observe || (model.things[kind.id]?.length ?? 0) === 0) continue;
    out ??= {};
    let kindCache = cache.things.get(kind.id);
    if (kindCache === undefined && kind.createObserveCache) cache.things.set(kind.id, (kindCache = kind.createObserveCache()));
    const view = kind.observe(model, state, kindCache);
    out[kind.id] = trusted ? view : deepFreeze(view);
  }
  return out ? Object.freeze(out) : NO_THINGS;
}
