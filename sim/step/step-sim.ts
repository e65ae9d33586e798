import type { SimModel } from '../model/sim-model.ts';
import type { SimState } from '../state/sim-state.ts';
import { advanceOrders } from '../kinds/station/advance-orders.ts';
import { applyCommands } from '../kinds/robot/apply-commands.ts';
import { detectDeadlocks } from '../kinds/robot/detect-deadlocks.ts';
import { driveRobots } from '../kinds/robot/drive-robots.ts';
import { injectFaults } from '../kinds/robot/robot-stall.ts';
import { resolveContacts } from './resolve-contacts.ts';
import { resolveHandling } from '../kinds/robot/resolve-handling.ts';
import { resolvePicks } from '../kinds/station/resolve-picks.ts';
import type { SafetyField } from '../kinds/robot/safety-field.ts';
import { sampleFleet } from '../kinds/robot/sample-fleet.ts';

/** Wall-clock split of one tick, filled only when a host passes a clock (never read by the sim). */
export interface StageClock {
  now(): number;
  physicsMs: number;
}

/**
 * One tick: `applyCommands → advanceOrders → driveRobots → stepPhysics → resolveContacts →
 * resolveHandling → resolvePicks → injectFaults → detectDeadlocks → sampleFleet`, then `tick += 1`.
 * `commands` are those a controller issued for this tick (empty between control ticks).
 */
export function stepSim(model: SimModel, state: SimState, commands: readonly unknown[], safety: SafetyField, clock?: StageClock): void {
  if (commands.length > 0) applyCommands(model, state, commands);
  advanceOrders(model, state);
  driveRobots(model, state, safety);
  if (clock) {
    const t0 = clock.now();
    state.physics.step();
    clock.physicsMs += clock.now() - t0;
  } else {
    state.physics.step();
  }
  resolveContacts(model, state);
  resolveHandling(model, state);
  resolvePicks(model, state);
  injectFaults(model, state);
  detectDeadlocks(model, state);
  sampleFleet(model, state);
  state.tick += 1;
}
