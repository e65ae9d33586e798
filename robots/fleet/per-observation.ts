import type { FleetObservation } from '../../sim/index.ts';

/**
 * Wraps `derive` so it runs at most once per observation: the assigner, planner and executor of
 * one control tick share the result (treat it as read-only).
 */
export function perObservation<T extends object>(derive: (observation: FleetObservation) => T): (observation: FleetObservation) => T {
  const results = new WeakMap<FleetObservation, T>();
  return (observation) => {
    let result = results.get(observation);
    if (!result) {
      result = derive(observation);
      results.set(observation, result);
    }
    return result;
  };
}
