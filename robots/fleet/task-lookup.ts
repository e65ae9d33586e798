import type { FleetObservation, TaskObservation } from '../../sim/index.ts';

/**
 * The task with id `id` in this observation, or undefined. Binary search: observation tasks are in
 * ascending id, so no per-tick index needs building.
 */
export function findTask(observation: FleetObservation, id: number): TaskObservation | undefined {
  const tasks = observation.tasks;
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
