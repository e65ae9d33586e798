import type { FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';
import { drive, follow, hold } from '../../sim/index.ts';
import { createNearestIdleAssigner } from '../fleet/assigners/nearest-idle.ts';
import { restingLoadNodes } from '../fleet/occupancy.ts';
import { taskDigest } from '../fleet/task-digest.ts';
import { decisionNode, isReady, neighbourAt, pathToGoal, type AgentGoal } from './agent-goals.ts';
import { box, discrete, type Space } from './spaces.ts';

/**
 * How an agent acts:
 * - `moves`: Discrete(6) — 0 stay (no new move: a moving robot stops at its next node), 1 north, 2 east, 3 south, 4 west (one roadmap edge), 5 interact
 *   (lift / drop where the task says so). A move takes effect only while the robot is `ready`.
 * - `skills`: Discrete(3) — 0 hold, 1 follow the static shortest path to the goal, 2 interact.
 * - `drive`: Box(2) in [-1, 1] — linear and angular velocity as fractions of the model's limits.
 */
export type ActionMode = 'moves' | 'skills' | 'drive';

/** Names of the discrete actions of each mode (index = action). */
export const ACTION_NAMES: Readonly<Record<'moves' | 'skills', readonly string[]>> = Object.freeze({
  moves: Object.freeze(['hold', 'north', 'east', 'south', 'west', 'interact']),
  skills: Object.freeze(['hold', 'go-to-goal', 'interact']),
});

/** One agent's action space. */
export function agentActionSpace(mode: ActionMode): Space {
  if (mode === 'drive') return box([2], -1, 1);
  return discrete(ACTION_NAMES[mode].length);
}

/** One agent's action: a discrete index, or `[linear, angular]` fractions for `drive`. */
export type AgentAction = number | ArrayLike<number>;

/** What decoding the actions of one control tick gave: the commands, and which actions could not be carried out. */
export interface DecodedActions {
  commands: RobotCommand[];
  /** Per robot: 1 when its action was invalid (a blocked move, an interact with nothing to do). */
  invalid: Uint8Array;
}

/** Shared, stateless assigner: the env hands tasks out the way `greedy` and `reserve` do (nearest idle robot). */
const assigner = createNearestIdleAssigner();

/** Task assignments for idle robots (the env's automatic dispatcher). */
export function assignTasks(observation: FleetObservation): RobotCommand[] {
  const idle = observation.robots.filter(
    (r) => r.task === null && r.carrying === null && r.mode !== 'faulted' && r.mode !== 'lifting' && r.mode !== 'dropping',
  );
  if (idle.length === 0) return [];
  const ready = taskDigest(observation).ready;
  return assigner.assign(observation, idle, ready).map((p) => ({ kind: 'assign', robot: p.robot, task: p.task }));
}

/** Turns one action per robot into commands (plus the automatic task assignments). */
export function decodeActions(observation: FleetObservation, goals: readonly AgentGoal[], actions: readonly AgentAction[], mode: ActionMode): DecodedActions {
  const commands = assignTasks(observation);
  const invalid = new Uint8Array(observation.robots.length);
  for (const robot of observation.robots) {
    const action = actions[robot.id];
    const command = decodeOne(observation, robot, goals[robot.id]!, action, mode);
    if (command === 'invalid') invalid[robot.id] = 1;
    else if (command) commands.push(command);
  }
  return { commands, invalid };
}

function decodeOne(
  observation: FleetObservation,
  robot: RobotObservation,
  goal: AgentGoal,
  action: AgentAction | undefined,
  mode: ActionMode,
): RobotCommand | null | 'invalid' {
  if (robot.mode === 'faulted' || robot.mode === 'lifting' || robot.mode === 'dropping') return null;
  if (mode === 'drive') {
    const a = action as ArrayLike<number>;
    const lin = clampUnit(a?.[0]);
    const ang = clampUnit(a?.[1]);
    return drive(robot.id, lin * robot.maxSpeedMps, ang * robot.maxTurnRps);
  }
  const k = typeof action === 'number' ? action : 0;
  const interact = mode === 'moves' ? 5 : 2;
  if (k === 0) return robot.mode === 'drive' ? hold(robot.id) : null;
  if (k === interact) {
    if (goal.act === null || !robot.atNode) return 'invalid';
    return { kind: goal.act, robot: robot.id };
  }
  if (mode === 'skills') {
    if (k !== 1) return 'invalid';
    const heading = robot.route.length > 0 && robot.route[robot.route.length - 1] === goal.node;
    if (heading) return null;
    const path = pathToGoal(observation, robot, goal);
    return path && path.length > 1 ? follow(robot.id, path) : 'invalid';
  }
  if (k < 1 || k > 4) return 'invalid';
  if (!isReady(robot)) return null;
  const from = decisionNode(robot);
  const to = neighbourAt(observation, from, k - 1);
  if (to < 0) return 'invalid';
  if (robot.carrying !== null && restingLoadNodes(observation)[to] === 1) return 'invalid';
  return follow(robot.id, [from, to]);
}

function clampUnit(v: number | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
}
