import { availableParallelism, loadavg } from 'node:os';

/** The most a budget is stretched for load: a hung controller is still stopped in bounded time. */
const MAX_FACTOR = 8;

/**
 * A wall-clock budget stretched by how busy the machine is: × the 1-minute load average per core,
 * at least ×1 and at most ×8. A controller that is merely starved of CPU on a busy CI runner then
 * gets the same verdict as on an idle machine; one that hangs is still stopped.
 */
export function loadScaledBudget(budgetMs: number): { ms: number; factor: number } {
  const factor = Math.min(MAX_FACTOR, Math.max(1, loadavg()[0]! / availableParallelism()));
  return { ms: budgetMs * factor, factor };
}

/** How a stretched budget is named in a message: ` (×2.5 for the machine's load)`, or nothing at ×1. */
export function loadNote(factor: number): string {
  return factor > 1 ? ` (×${factor.toFixed(1)} for the machine's load)` : '';
}
