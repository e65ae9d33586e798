import type { ErrandObservation, FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';
import type { CommandsInFlight } from './commands-in-flight.ts';
import { NearestRobotIndex } from './nearest-robot-index.ts';
import { nodeDistanceM } from './occupancy.ts';

/** Idle robots past which the nearest one is found through a {@link NearestRobotIndex} (the same choice; the first tick of a 10,000-robot import otherwise measures 10⁸ pairs). */
const INDEX_FROM_IDLE = 64;

/**
 * The errand task flow of a composed controller (scenarios with an `errands` section: sortation,
 * League of Robot Runners imports). Open tasks, oldest first, go to the nearest idle robot (one
 * with no station task, no load and no errand task); a robot with a task is routed to its next
 * errand with `goTo` and stands there while a dwell runs (added to `busy`, so executors leave it
 * be). Without errand tasks it does nothing. `inFlight` (under `command.latency`): robots and slots
 * with a command that has not landed yet are left alone.
 * @returns the assignment commands (`{ thing: 'errand', kind: 'assign', … }`); routes go through `goTo`.
 */
export function errandCommands(
  observation: FleetObservation,
  busy: Set<number>,
  goTo: (robot: RobotObservation, goal: number) => void,
  inFlight?: CommandsInFlight,
): RobotCommand[] {
  const view = observation.things.errand as ErrandObservation | undefined;
  if (!view || view.tasks.length === 0) return [];
  const robots = observation.robots;
  const slotOf = new Int32Array(robots.length).fill(-1);
  for (const t of view.tasks) if (t.robot !== null && t.robot < robots.length) slotOf[t.robot] = t.slot;
  for (const robot of robots) {
    const slot = slotOf[robot.id]!;
    if (slot < 0 || !movable(robot) || inFlight?.hasRobot(robot.id)) continue;
    const task = view.tasks[slot]!;
    const goal = task.errands[task.step]!;
    if (robot.node === goal && (robot.atNode || task.dwellSec === 0)) {
      busy.add(robot.id); // dwelling: not to be parked elsewhere
      continue;
    }
    goTo(robot, goal);
  }
  const idle = robots.filter((r) => slotOf[r.id] === -1 && r.task === null && r.carrying === null && movable(r) && r.node >= 0 && !inFlight?.hasRobot(r.id));
  if (idle.length === 0) return [];
  const open = view.tasks.filter((t) => t.robot === null && !inFlight?.hasSlot(t.slot)).sort((a, b) => a.releasedTick - b.releasedTick || a.slot - b.slot);
  const commands: RobotCommand[] = [];
  const taken = new Uint8Array(robots.length);
  let left = idle.length;
  const index = idle.length > INDEX_FROM_IDLE ? new NearestRobotIndex(observation, idle) : null;
  for (const task of open) {
    if (left === 0) break;
    const first = task.errands[task.step]!;
    if (index) {
      const best = index.nearest(first);
      if (best < 0) break;
      index.take(best);
      left--;
      commands.push(assignCommand(task.slot, best));
      continue;
    }
    let best = -1;
    let bestDist = Infinity;
    for (const robot of idle) {
      if (taken[robot.id]) continue;
      const d = nodeDistanceM(observation, robot.node, first);
      if (d < bestDist) {
        bestDist = d;
        best = robot.id;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    left--;
    commands.push(assignCommand(task.slot, best));
  }
  return commands;
}

/** The errand kind's `assign` command, in the list of robot commands a controller returns (kinds' commands travel there too). */
function assignCommand(slot: number, robot: number): RobotCommand {
  return { thing: 'errand', kind: 'assign', slot, robot } as unknown as RobotCommand;
}

function movable(robot: RobotObservation): boolean {
  return robot.mode !== 'faulted' && robot.mode !== 'lifting' && robot.mode !== 'dropping';
}
