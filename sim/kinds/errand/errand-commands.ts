import type { StageContext } from '../../kind/stage-slots.ts';
import { robotRows } from '../robot/index.ts';
import { errandTable } from './errand-model.ts';

/** A command addressed to the errand kind: take an open task, or give one back before it starts. */
export type ErrandCommand = { thing: 'errand'; kind: 'assign'; slot: number; robot: number } | { thing: 'errand'; kind: 'unassign'; slot: number };

/**
 * Applies errand commands. `assign` gives the open task in `slot` to an idle robot (no station
 * task, no load, no other errand task); `unassign` opens a task again while its first errand is
 * not yet reached. Anything else is rejected (`command.rejected`) and changes nothing.
 */
export function applyErrandCommands(commands: readonly unknown[], ctx: StageContext): void {
  const { state } = ctx;
  const t = errandTable(state);
  for (const raw of commands) {
    const c = raw as Partial<{ kind: unknown; slot: unknown; robot: unknown }>;
    const robotArg = typeof c.robot === 'number' && Number.isInteger(c.robot) && c.robot >= 0 && c.robot < robotRows.table(state).count ? c.robot : -1;
    const reject = (reason: string) =>
      state.events.push({ type: 'command.rejected', tick: state.tick, robot: robotArg, reason: `errand ${String(c.kind)}: ${reason}` });
    if (typeof c.slot !== 'number' || !Number.isInteger(c.slot) || c.slot < 0 || c.slot >= t.count) {
      reject(`slot must be an integer in 0..${t.count - 1}, got ${JSON.stringify(c.slot)}`);
      continue;
    }
    const slot = c.slot;
    if (c.kind === 'unassign') {
      if (t.robot[slot]! < 0) reject(`task in slot ${slot} is not assigned`);
      else if (t.step[slot]! > 0) reject(`task in slot ${slot} has begun (errand ${t.step[slot]} next); it cannot be given back`);
      else {
        t.robot[slot] = -1;
        t.dwellTicks[slot] = 0;
      }
      continue;
    }
    if (c.kind !== 'assign') {
      reject('unknown errand command; valid: assign, unassign');
      continue;
    }
    if (robotArg < 0) {
      reject(`robot must be an integer in 0..${robotRows.table(state).count - 1}, got ${JSON.stringify(c.robot)}`);
      continue;
    }
    if (t.robot[slot]! >= 0) {
      reject(`task in slot ${slot} is already assigned to robot ${t.robot[slot]}`);
      continue;
    }
    let held = -1;
    for (let k = 0; k < t.count; k++) if (t.robot[k] === robotArg) held = k;
    if (held >= 0) reject(`robot ${robotArg} already does the task in slot ${held}`);
    else if (robotRows.table(state).task[robotArg]! >= 0 || robotRows.table(state).carriedLoad[robotArg]! >= 0)
      reject(`robot ${robotArg} is busy with a station task or a load`);
    else {
      t.robot[slot] = robotArg;
      t.dwellTicks[slot] = 0;
      state.events.push({ type: 'errand.assigned', tick: state.tick, slot, task: t.task[slot]!, robot: robotArg });
    }
  }
}
