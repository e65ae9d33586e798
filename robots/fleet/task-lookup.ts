import { findById, type FleetObservation, type TaskObservation } from '../../sim/index.ts';

/** The task with id `id` in this observation, or undefined (observation tasks are in ascending id). */
export function findTask(observation: FleetObservation, id: number): TaskObservation | undefined {
  return findById(observation.tasks, id);
}
