import type { TaskObservation } from '../../control/types.ts';
import { orderRows } from '../order/index.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { TaskPhase } from '../../control/types.ts';
import type { TaskState } from '../order/index.ts';
import { loadRows } from '../load/index.ts';
import { ALL_TASKS_CHANGED, findTask } from '../order/index.ts';

/**
 * Task views handed out last time, with the raw fields they were made from. While the state read
 * is the same object its `changedTasks` list names every task to re-read; any other state (a
 * restore, another episode) is read in full, so a restore needs no reset.
 */
export interface TaskViewCache {
  /** Ascending id, like `SimState.tasks`. */
  tasks: readonly TaskObservation[];
  /** The raw fields each of `tasks` was made from, `TASK_FIELDS` per task. */
  taskRows: Int32Array;
  /** The state `tasks` were last read from. */
  taskSource: SimState | null;
}

/** An empty cache: the first observation through it builds every view. */
export const createTaskViewCache = (): TaskViewCache => ({ tasks: [], taskRows: new Int32Array(0), taskSource: null });

/** Raw task fields kept per cached task view: id, load, station, phase, robot, line count, created tick, ready. */
const TASK_FIELDS = 8;
const PHASE_CODES: Readonly<Record<TaskPhase, number>> = { open: 0, assigned: 1, carrying: 2, picking: 3, returning: 4, done: 5 };

/**
 * Task views. With a cache of this very state only the tasks it lists as changed are read;
 * otherwise every task is read and compared with the cached raw rows (both lists ascend by id).
 */
export function observeTasks(state: SimState, cache: TaskViewCache | null): readonly TaskObservation[] {
  const incremental = cache !== null && cache.taskSource === state && state.changedTasks[0] !== ALL_TASKS_CHANGED;
  const out = incremental ? observeChangedTasks(state, cache) : observeAllTasks(state, cache ?? createTaskViewCache());
  if (cache) {
    cache.tasks = out.views;
    cache.taskRows = out.rows;
    cache.taskSource = state;
    state.changedTasks.length = 0;
  }
  return out.views;
}

interface TaskViews {
  views: readonly TaskObservation[];
  rows: Int32Array;
}

function observeAllTasks(state: SimState, cache: TaskViewCache): TaskViews {
  const tasks = orderRows.data(state).tasks;
  const views: TaskObservation[] = new Array(tasks.length);
  const rows = new Int32Array(tasks.length * TASK_FIELDS);
  let p = 0;
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k]!;
    writeRow(state, t, rows, k * TASK_FIELDS);
    while (p < cache.tasks.length && cache.taskRows[p * TASK_FIELDS]! < t.id) p++;
    views[k] = p < cache.tasks.length && sameRow(rows, k * TASK_FIELDS, cache.taskRows, p * TASK_FIELDS) ? cache.tasks[p]! : taskView(t, rows, k * TASK_FIELDS);
  }
  return { views: Object.freeze(views), rows };
}

/** Merges the cached views (ascending id) with the tasks named in `state.changedTasks`. */
function observeChangedTasks(state: SimState, cache: TaskViewCache): TaskViews {
  if (state.changedTasks.length === 0) return { views: cache.tasks, rows: cache.taskRows };
  const changed = Int32Array.from(new Set(state.changedTasks)).sort();
  const prevRows = cache.taskRows;
  const prevCount = cache.tasks.length;
  const views: TaskObservation[] = [];
  const rows = new Int32Array((prevCount + changed.length) * TASK_FIELDS);
  let p = 0;
  let c = 0;
  while (p < prevCount || c < changed.length) {
    const prevId = p < prevCount ? prevRows[p * TASK_FIELDS]! : Infinity;
    const id = c < changed.length ? changed[c]! : Infinity;
    const o = views.length * TASK_FIELDS;
    if (prevId < id) {
      for (let f = 0; f < TASK_FIELDS; f++) rows[o + f] = prevRows[p * TASK_FIELDS + f]!;
      views.push(cache.tasks[p++]!);
      continue;
    }
    const had = prevId === id ? p++ : -1;
    c++;
    const t = findTask(state, id);
    if (!t) continue; // done and dropped
    writeRow(state, t, rows, o);
    views.push(had >= 0 && sameRow(rows, o, prevRows, had * TASK_FIELDS) ? cache.tasks[had]! : taskView(t, rows, o));
  }
  return { views: Object.freeze(views), rows: rows.slice(0, views.length * TASK_FIELDS) };
}

function writeRow(state: SimState, t: TaskState, rows: Int32Array, o: number): void {
  rows[o] = t.id;
  rows[o + 1] = t.load;
  rows[o + 2] = t.station;
  rows[o + 3] = PHASE_CODES[t.phase];
  rows[o + 4] = t.robot;
  rows[o + 5] = t.lines.length;
  rows[o + 6] = t.createdTick;
  rows[o + 7] = loadRows.table(state).task[t.load] === t.id ? 1 : 0;
}

function taskView(t: TaskState, rows: Int32Array, o: number): TaskObservation {
  return Object.freeze({
    id: t.id,
    load: t.load,
    station: t.station,
    phase: t.phase,
    robot: t.robot >= 0 ? t.robot : null,
    lineCount: t.lines.length,
    createdTick: t.createdTick,
    ready: rows[o + 7] === 1,
  });
}

function sameRow(a: Int32Array, ao: number, b: Int32Array, bo: number): boolean {
  for (let f = 0; f < TASK_FIELDS; f++) if (a[ao + f] !== b[bo + f]) return false;
  return true;
}
