import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import { findWaitCycles } from '../../util/wait-cycles.ts';

/** Robots that have all been held by their safety fields this long, in a wait cycle, are deadlocked. */
const DEADLOCK_AFTER_SEC = 10;

/**
 * Monitor-slot stage: physical deadlock detection, once per simulated second. Each robot held by its safety
 * field waits for at most one robot (`blockedBy`), so the wait-for graph is a functional graph and
 * its cycles are found in O(n). A cycle whose members have all waited `DEADLOCK_AFTER_SEC` is
 * reported once as `deadlock.detected`; members are reported again only after they moved.
 */
export function detectDeadlocks(model: SimModel, state: SimState): void {
  if (state.tick % model.hz !== 0) return;
  const r = robotRows.table(state);
  const minTicks = DEADLOCK_AFTER_SEC * model.hz;
  for (let i = 0; i < r.count; i++) if (r.blockedTicks[i] === 0) r.inDeadlock[i] = 0;
  for (const cycle of findWaitCycles(r.blockedBy, r.blockedTicks, minTicks)) {
    if (cycle.every((k) => r.inDeadlock[k] === 1)) continue;
    for (const k of cycle) r.inDeadlock[k] = 1;
    const waitedTicks = Math.min(...cycle.map((k) => r.blockedTicks[k]!));
    state.events.push({ type: 'deadlock.detected', tick: state.tick, robots: cycle, waitedSec: waitedTicks / model.hz, source: 'physical' });
  }
}
