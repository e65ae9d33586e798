import type { SimState } from '../../state/sim-state.ts';
import { robotRows } from '../robot/index.ts';
import { chargerRows } from './charger-columns.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import type { ChargerModel } from './charger-columns.ts';
import type { ChargerTable } from './charger-columns.ts';

/** A command for the chargers: queue a robot for a charger, or take it out of every queue. */
export type ChargerCommand = { thing: 'charger'; kind: 'request'; robot: number; charger: number } | { thing: 'charger'; kind: 'release'; robot: number };

function reject(state: SimState, robot: number, reason: string): void {
  state.events.push({ type: 'command.rejected', tick: state.tick, robot, reason });
}

/** Removes `robot` from every charger queue; returns whether it was in one. */
export function leaveQueues(c: ChargerTable, robot: number): boolean {
  let found = false;
  for (let k = 0; k < c.count; k++) {
    const q = c.queue[k]!;
    const at = q.indexOf(robot);
    if (at >= 0) {
      q.splice(at, 1);
      found = true;
    }
  }
  return found;
}

/**
 * Command slot (the charger kind's `applyCommands`): `request` puts a robot at the back of a
 * charger's queue (leaving any other queue) unless the queue is full; `release` takes it out.
 * A malformed or impossible command is rejected (`command.rejected`).
 */
export function applyChargerCommands(commands: readonly unknown[], { model, state }: StageContext): void {
  const c = chargerRows.table(state);
  const chargers = model.things.charger as readonly ChargerModel[];
  for (const raw of commands) {
    const cmd = raw as Partial<ChargerCommand> & Record<string, unknown>;
    const robot = typeof cmd.robot === 'number' && Number.isInteger(cmd.robot) && cmd.robot >= 0 && cmd.robot < robotRows.things(model).length ? cmd.robot : -1;
    if (robot < 0) {
      reject(state, -1, `charger command: robot ${JSON.stringify(cmd.robot)} is not a robot id`);
      continue;
    }
    if (cmd.kind === 'release') {
      leaveQueues(c, robot);
      continue;
    }
    if (cmd.kind !== 'request') {
      reject(state, robot, `charger command: unknown kind ${JSON.stringify(cmd.kind)}; known: request, release`);
      continue;
    }
    const k = cmd.charger;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= c.count) {
      reject(state, robot, `charger command: charger ${JSON.stringify(k)} does not exist (${c.count} chargers)`);
      continue;
    }
    if (c.queue[k]!.includes(robot)) continue;
    if (c.queue[k]!.length >= chargers[k]!.queueCapacity) {
      reject(state, robot, `charger ${k} is full (${chargers[k]!.queueCapacity} robots charging or queued)`);
      continue;
    }
    leaveQueues(c, robot);
    c.queue[k]!.push(robot);
    state.events.push({ type: 'charge.queued', tick: state.tick, robot, charger: k, position: c.queue[k]!.length - 1 });
  }
}
