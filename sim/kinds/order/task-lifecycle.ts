import type { SimState } from '../../state/sim-state.ts';
import { orderRows, type TaskState } from './order-data.ts';
import { loadRows } from '../load/index.ts';
import { findById } from '../../util/find-by-id.ts';

/**
 * Removes a finished task and hands its load to the next task waiting for that load (the
 * lowest task id), which becomes ready to assign.
 */
export function releaseLoadTask(state: SimState, done: TaskState): void {
  orderRows.data(state).tasks = orderRows.data(state).tasks.filter((t) => t.id !== done.id);
  taskChanged(state, done.id);
  loadRows.table(state).task[done.load] = -1;
  for (const t of orderRows.data(state).tasks) {
    if (t.load === done.load && t.phase === 'open') {
      loadRows.table(state).task[done.load] = t.id;
      taskChanged(state, t.id); // now ready
      break;
    }
  }
}

/**
 * Records that task `id` was added, changed (phase, robot, lines, readiness) or removed. Every
 * stage that touches a task calls it, so observations rebuild only those tasks' views.
 */
export function taskChanged(state: SimState, id: number): void {
  const changed = state.changedTasks;
  if (changed[0] === ALL_TASKS_CHANGED) return;
  // Nobody has observed for a long while (a bare stepping loop): stop listing, re-read everything.
  if (changed.length >= MAX_LISTED_CHANGES) {
    changed.length = 0;
    changed.push(ALL_TASKS_CHANGED);
    return;
  }
  changed.push(id);
}

/** First entry of `SimState.changedTasks` when every task must be re-read. */
export const ALL_TASKS_CHANGED = -1;
const MAX_LISTED_CHANGES = 4096;

/** The live task with id `id`, or undefined (`SimState.tasks` is in ascending id). */
export function findTask(state: SimState, id: number): TaskState | undefined {
  return findById(orderRows.data(state).tasks, id);
}
