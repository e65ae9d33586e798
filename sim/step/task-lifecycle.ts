import type { SimState, TaskState } from '../state/sim-state.ts';

/**
 * Removes a finished task and hands its load to the next task waiting for that load (the
 * lowest task id), which becomes ready to assign.
 */
export function releaseLoadTask(state: SimState, done: TaskState): void {
  state.tasks = state.tasks.filter((t) => t.id !== done.id);
  state.loads.task[done.load] = -1;
  for (const t of state.tasks) {
    if (t.load === done.load && t.phase === 'open') {
      state.loads.task[done.load] = t.id;
      break;
    }
  }
}

/** The live task with id `id`, or undefined: a binary search, since `SimState.tasks` is in ascending id. */
export function findTask(state: SimState, id: number): TaskState | undefined {
  const tasks = state.tasks;
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tasks[mid]!;
    if (t.id === id) return t;
    if (t.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
