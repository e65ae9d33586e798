import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';
import type { HandedRoadmap } from './handed-roadmap.ts';
import type { LoadObservation, StationObservation, TaskObservation } from './types.ts';

/**
 * The observation objects handed out last time, with the raw values they were made from. Loads,
 * tasks and stations that did not change since are handed out again (they are frozen, so no
 * controller can alter what another tick sees); robots move and drain their batteries every tick,
 * so their views are always new. Loads and stations are compared field by field, tasks re-read where
 * the state lists them as changed (in full for any other state), so a restore needs no reset.
 */
export interface ObservationCache {
  loads: readonly LoadObservation[];
  /** `SimState.loads.node`, `.holderKind` and `.holderId` as they were when `loads` was made. */
  loadNode: Int32Array;
  loadHolderKind: Int32Array;
  loadHolderId: Int32Array;
  /** Ascending id, like `SimState.tasks`. */
  tasks: readonly TaskObservation[];
  /** The raw fields each of `tasks` was made from, `TASK_FIELDS` per task (see task-views.ts). */
  taskRows: Int32Array;
  /**
   * The state `tasks` were last read from. While it is the same object its `changedTasks` list
   * names every task to re-read; any other state (a restore, another episode) is read in full.
   */
  taskSource: SimState | null;
  stations: readonly StationObservation[];
  /** The roadmap copy handed out for `roadmapOf` (see handed-roadmap.ts). */
  roadmap: HandedRoadmap | null;
  roadmapOf: SimModel | null;
}

/** An empty cache: the first observation through it builds every object. */
export function createObservationCache(): ObservationCache {
  return { loads: [], loadNode: new Int32Array(0), loadHolderKind: new Int32Array(0), loadHolderId: new Int32Array(0), tasks: [], taskRows: new Int32Array(0), taskSource: null, stations: [], roadmap: null, roadmapOf: null };
}
