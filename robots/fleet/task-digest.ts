import type { FleetObservation, TaskObservation } from '../../sim/index.ts';
import { perObservation } from './per-observation.ts';

/** What the fleet parts need from the task list every control tick, derived once per observation. */
export interface TaskDigest {
  /** Tasks open and ready to assign, ascending id. */
  readonly ready: readonly TaskObservation[];
  /** Per station: tasks under way (assigned, carrying or picking). */
  readonly activePerStation: Readonly<Int32Array>;
}

const READY = 1;
const ACTIVE = 2;

/** Per-position class and station of the last task list digested, for the next diff. */
let last: { tasks: readonly TaskObservation[]; flags: Uint8Array; station: Int32Array; digest: TaskDigest } | null = null;

/**
 * The task digest of an observation. Observations hand out the same frozen view for a task that
 * did not change, so the list is diffed against the last one digested by identity and only new or
 * changed views are read: the cost follows what changed, not the backlog of open tasks.
 */
export const taskDigest: (observation: FleetObservation) => TaskDigest = perObservation(digestTasks);

function digestTasks(observation: FleetObservation): TaskDigest {
  const tasks = observation.tasks;
  // Most control ticks change no task at all and are handed the very same list.
  if (last && last.tasks === tasks && last.digest.activePerStation.length === observation.stations.length) return last.digest;
  const prev = last ?? { tasks: [], flags: new Uint8Array(0), station: new Int32Array(0) };
  const flags = new Uint8Array(tasks.length);
  const station = new Int32Array(tasks.length);
  const ready: TaskObservation[] = [];
  const activePerStation = new Int32Array(observation.stations.length);
  let p = 0;
  for (let k = 0; k < tasks.length; k++) {
    const view = tasks[k]!;
    // Views of tasks done since are skipped; only a mismatch reads ids.
    while (p < prev.tasks.length && prev.tasks[p] !== view && prev.tasks[p]!.id < view.id) p++;
    if (p < prev.tasks.length && prev.tasks[p] === view) {
      flags[k] = prev.flags[p]!;
      station[k] = prev.station[p]!;
      p++;
    } else {
      if (p < prev.tasks.length && prev.tasks[p]!.id === view.id) p++;
      flags[k] =
        view.phase === 'open' ? (view.ready ? READY : 0) : view.phase === 'assigned' || view.phase === 'carrying' || view.phase === 'picking' ? ACTIVE : 0;
      station[k] = view.station;
    }
    // Tallied in the same pass, in list order (so `ready` stays in ascending id).
    if (flags[k] === READY) ready.push(view);
    else if (flags[k] === ACTIVE) {
      const s = station[k]!;
      if (s >= 0 && s < activePerStation.length) activePerStation[s] = activePerStation[s]! + 1;
    }
  }
  const digest = { ready, activePerStation };
  last = { tasks, flags, station, digest };
  return digest;
}
