import { shortestPath, type FleetObservation, type RobotObservation } from '../../sim/index.ts';
import { chooseReturnGoals, nextStep } from '../fleet/compose-fleet-controller.ts';
import { restingLoadNodes } from '../fleet/occupancy.ts';
import { findTask } from '../fleet/task-lookup.ts';
import { cachedHint, storeHint, type HintCache } from './hint-cache.ts';

/** Where a robot's task sends it next, as the built-in controllers read the task flow. */
export interface AgentGoal {
  /** Goal node (the load to fetch, the station, the storage node to return to), or -1: no goal. */
  readonly node: number;
  /** 1 fetching a load, 2 bringing it to / waiting at the station, 3 returning it; 0 no task. */
  readonly phase: 0 | 1 | 2 | 3;
  /** `lift` or `drop` when that is what the robot should do where it stands, else null. */
  readonly act: 'lift' | 'drop' | null;
}

const NO_GOAL: AgentGoal = Object.freeze({ node: -1, phase: 0, act: null });

/** Every robot's goal this control tick (index = robot id). */
export function agentGoals(observation: FleetObservation): AgentGoal[] {
  const returnGoals = chooseReturnGoals(observation);
  return observation.robots.map((robot) => {
    const task = robot.task !== null ? findTask(observation, robot.task) : undefined;
    if (!task) return NO_GOAL;
    const phase = task.phase === 'carrying' || task.phase === 'picking' ? 2 : robot.carrying !== null ? 3 : 1;
    const step = nextStep(observation, robot, task, returnGoals);
    if (step?.kind === 'act') return { node: robot.node, phase, act: step.action };
    if (step?.kind === 'go') return { node: step.goal, phase, act: null };
    // At the station while the picker works: the goal is where it stands.
    const station = observation.stations[task.station]!.node;
    return { node: phase === 2 ? station : -1, phase, act: null };
  });
}

/**
 * Whether a move action takes effect now: the robot is on the map and free to move, with at most
 * one waypoint left (so a move extends its route seamlessly) or held by its safety field for
 * {@link BLOCKED_READY_SEC} (so it can detour).
 */
export function isReady(robot: RobotObservation): boolean {
  if (robot.node < 0 || robot.mode === 'lifting' || robot.mode === 'dropping' || robot.mode === 'faulted') return false;
  return robot.route.length <= 1 || robot.blockedSec >= BLOCKED_READY_SEC;
}

/** Seconds a robot held by its safety field must wait before a move may re-route it from where it stands. */
const BLOCKED_READY_SEC = 1;

/**
 * The node a move starts from: the waypoint the robot is driving to when one is left, else (no
 * route, or held by its safety field) the node under it.
 */
export function decisionNode(robot: RobotObservation): number {
  return robot.route.length === 1 && robot.blockedSec < BLOCKED_READY_SEC ? robot.route[0]! : robot.node;
}

/** The neighbour of `node` in direction `dir` (0 N, 1 E, 2 S, 3 W) along a roadmap edge, or -1. */
export function neighbourAt(observation: FleetObservation, node: number, dir: number): number {
  const map = observation.roadmap;
  for (let e = map.edgeStart[node]!; e < map.edgeStart[node + 1]!; e++) if (map.edgeDir[e] === dir) return map.edgeTarget[e]!;
  return -1;
}

/**
 * Allowed moves N, E, S, W from the robot's node: along a roadmap edge, and (for a loaded robot)
 * not into a node where another load rests. All zero when the robot is off the map.
 */
export function allowedMoves(observation: FleetObservation, robot: RobotObservation): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  if (robot.node < 0) return out;
  const from = decisionNode(robot);
  const resting = robot.carrying !== null ? restingLoadNodes(observation) : null;
  for (let dir = 0; dir < 4; dir++) {
    const to = neighbourAt(observation, from, dir);
    if (to >= 0 && !(resting && resting[to] === 1)) out[dir] = 1;
  }
  return out;
}

/**
 * The first move (0 N, 1 E, 2 S, 3 W) of the static shortest path from the robot's {@link decisionNode} to its
 * goal (a loaded robot avoids nodes where loads rest), or -1 when there is none.
 */
export function hintMove(observation: FleetObservation, robot: RobotObservation, goal: AgentGoal, cache?: HintCache): number {
  const from = decisionNode(robot);
  if (goal.node < 0 || robot.node < 0 || goal.node === from) return -1;
  if (cache) {
    const loaded = robot.carrying !== null;
    let dir = cachedHint(cache, from, goal.node, loaded);
    if (dir === undefined) storeHint(cache, from, goal.node, loaded, (dir = hintMove(observation, robot, goal)));
    return dir;
  }
  const resting = robot.carrying !== null ? restingLoadNodes(observation) : null;
  const path = shortestPath(observation.roadmap, from, goal.node, resting ? { blocked: (n) => resting[n] === 1 } : {});
  if (!path || path.length < 2) return -1;
  const map = observation.roadmap;
  for (let e = map.edgeStart[from]!; e < map.edgeStart[from + 1]!; e++) if (map.edgeTarget[e] === path[1]) return map.edgeDir[e]!;
  return -1;
}

/** The static shortest path to the goal (as {@link hintMove} plans it), or null. */
export function pathToGoal(observation: FleetObservation, robot: RobotObservation, goal: AgentGoal): number[] | null {
  if (goal.node < 0 || robot.node < 0 || goal.node === robot.node) return null;
  const resting = robot.carrying !== null ? restingLoadNodes(observation) : null;
  return shortestPath(observation.roadmap, robot.node, goal.node, resting ? { blocked: (n) => resting[n] === 1 } : {});
}
