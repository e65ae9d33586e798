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
