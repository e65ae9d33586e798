import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode, robotRows } from './robot-columns.ts';

/**
 * Holds every robot safely after the controller failed: each stops where it is and drops its
 * route (a lift or drop under way finishes first), and the failure is logged against it as a
 * rejected command.
 */
export function holdRobots({ state }: { readonly model: SimModel; readonly state: SimState }, reason: string): void {
  const r = robotRows.table(state);
  for (let i = 0; i < r.count; i++) {
    const mode = r.mode[i]!;
    if (mode === RobotMode.Lifting || mode === RobotMode.Dropping) continue;
    r.mode[i] = RobotMode.Hold;
    r.route[i] = [];
    r.routeNotBefore[i] = [];
    state.events.push({ type: 'command.rejected', tick: state.tick, robot: i, reason });
  }
}
