import { CellKind, findWaitCycles, type ControllerReport, type FleetObservation, type RobotCommand, type RobotObservation } from '../../../sim/index.ts';
import { commandLatencyTicks, routeStillValidOnLanding } from '../commands-in-flight.ts';
import { NodeHolders } from '../executors/node-claims.ts';
import { restingLoadNodes } from '../occupancy.ts';
import type { Executor, Planner } from '../fleet-parts.ts';
import { GoalDistances } from './pibt-distances.ts';
import { pibtStep, type PibtAgent } from './pibt-step.ts';

/** Tunables of {@link createPibtExecutor}. */
export interface PibtOptions {
  /** Nodes a robot may hold ahead of the one it drives to (enough to brake from full speed). */
  lookaheadNodes?: number;
  /** Seconds every member of a wait cycle must have waited before it is reported as a deadlock. */
  deadlockAfterSec?: number;
}

interface Goal {
  node: number;
  /** Control tick the goal was set: PIBT's priority grows with the time since. */
  sinceTick: number;
}

/**
 * A planner for {@link createPibtExecutor}: PIBT needs only each robot's goal (it plans one step at
 * a time for the whole fleet), so the "route" is the goal alone.
 */
export function createPibtGoalPlanner(): Planner {
  return { name: 'pibt', plan: (_observation, request) => [request.goal] };
}

/**
 * Lifelong MAPF by Priority Inheritance with Backtracking (see `pibtStep`), executed on the
 * continuous bodies under node reservations. Every control tick, each robot that holds fewer than
 * `lookaheadNodes` nodes ahead is an agent planning from the last node it holds; one PIBT step
 * (priority: loaded robots first, then the time since the robot's goal was set, then id) gives
 * each a next node, and the robot is granted it only if no one holds it (`claimNodes`: the body's node, any neighbour it still
 * overlaps and its route), so two robots never hold a node. Robots lifting, dropping, picking or
 * faulted are obstacles; idle robots are agents without a goal (pushed aside, preferring to park
 * under pods). Wait cycles that last `deadlockAfterSec` (2 s, as `reserve`) are reported as
 * deadlocks and broken: their members treat staying put as a last resort until they next move, so
 * one steps aside (PIBT alone cannot undo a swap: an empty robot in the aisle cell that is a loaded
 * robot's only way out of its pod bay, each wanting the other's node).
 */
export function createPibtExecutor(options: PibtOptions = {}): Executor {
  const lookahead = options.lookaheadNodes ?? 3;
  const deadlockAfterSec = options.deadlockAfterSec ?? 2;
  /** Each robot's goal node (-1: none) and the control tick it was set, by robot id. */
  let goalNode = new Int32Array(0).fill(-1);
  let goalSinceTick = new Float64Array(0);
  let waitOn = new Int32Array(0);
  let waitTicks = new Int32Array(0);
  let reported = new Uint8Array(0);
  /** Members of a reported wait cycle, until they next move: staying put is their last resort. */
  let restless = new Uint8Array(0);
  let reports: ControllerReport[] = [];
  let distances: GoalDistances | null = null;
  const holders = new NodeHolders();
  /** Robots sent towards a goal during this control tick (tasks or errands), by robot id; derived each tick, never saved. */
  let touched = new Uint8Array(0);
  /** Makes room for robot ids below `count` (new robots have no goal). */
  const fitRobots = (count: number) => {
    if (goalNode.length >= count) return;
    const node = new Int32Array(count).fill(-1);
    node.set(goalNode);
    const since = new Float64Array(count);
    since.set(goalSinceTick);
    const marks = new Uint8Array(count);
    marks.set(touched);
    goalNode = node;
    goalSinceTick = since;
    touched = marks;
  };

  return {
    name: 'pibt',
    isHeadingTo(robot, goal) {
      fitRobots(robot.id + 1);
      const heading = goalNode[robot.id] === goal;
      if (heading) touched[robot.id] = 1;
      return heading;
    },
    execute(observation, robot, path) {
      const node = path[path.length - 1]!;
      fitRobots(robot.id + 1);
      touched[robot.id] = 1;
      if (goalNode[robot.id] !== node) {
        goalNode[robot.id] = node;
        goalSinceTick[robot.id] = observation.tick;
      }
      return [];
    },
    finishTick(observation, busy, inFlight) {
      const robots = observation.robots;
      if (waitOn.length !== robots.length) {
        waitOn = new Int32Array(robots.length).fill(-1);
        waitTicks = new Int32Array(robots.length);
        reported = new Uint8Array(robots.length);
        restless = new Uint8Array(robots.length);
      }
      fitRobots(robots.length);
      const map = observation.roadmap;
      if (!distances || distances.nodeCount !== map.nodeCount) distances = new GoalDistances(map);
      const holder = holders.update(observation);
      // Routes sent but not landed yet (command latency): their nodes are held by their robots.
      if (inFlight) for (const [id, route] of inFlight) for (const n of route) if (holder[n] === -1) holders.claim(n, id);
      const latencyTicks = commandLatencyTicks(observation);
      const resting = restingLoadNodes(observation);
      const agents: Array<PibtAgent & { priority: number }> = [];
      const idleCost = (n: number) => parkingCost(map.nodeKind[n]!);
      for (const robot of robots) {
        // A goal lapses when its robot has no task and nobody sent it anywhere this tick (errands have no task).
        if (robot.task === null && touched[robot.id] === 0) goalNode[robot.id] = -1;
        const goal = goalNode[robot.id]!;
        const from = frontier(robot);
        if (from < 0 || !isAgent(observation, robot, busy, goal, lookahead)) continue;
        // Under command latency a route for a moving robot must still fit where it is when it lands; else it waits.
        if (!routeStillValidOnLanding(observation, robot, latencyTicks)) continue;
        const loaded = robot.carrying !== null;
        const mayEnter = loaded ? (n: number) => n === goal || (resting[n] === 0 && !isStorage(map.nodeKind[n]!)) : anywhere;
        agents.push({
          id: robot.id,
          from,
          dist: goal >= 0 ? distances.field(goal, loaded, from, robots.length) : null,
          mayEnter,
          idleCost,
          heading: travelDirection(robot),
          restless: restless[robot.id] === 1,
          // Loaded robots first (they cannot pass under pods, so they have fewer ways out), then
          // PIBT's priority: time since the goal was set.
          priority: goal >= 0 ? (loaded ? LOADED_PRIORITY : 0) + observation.tick - goalSinceTick[robot.id]! : -1,
        });
      }
      agents.sort((a, b) => b.priority - a.priority || a.id - b.id);
      const { next, waitsOn } = pibtStep(map, agents, holder, robots.length);
      const commands: RobotCommand[] = [];
      const previous = waitOn.slice();
      waitOn.fill(-1);
      agents.forEach((a, i) => {
        const v = next[i]!;
        const robot = robots[a.id]!;
        if (v !== a.from && holder[v] === -1) {
          holders.claim(v, a.id);
          restless[a.id] = 0;
          const moving = robot.mode === 'follow' && robot.route.length > 0;
          commands.push({ kind: 'follow', robot: a.id, path: moving ? [...robot.route, v] : [robot.node, v] });
        } else if (a.dist) waitOn[a.id] = waitsOn[i]!;
      });
      for (let r = 0; r < waitOn.length; r++) {
        waitTicks[r] = waitOn[r] !== -1 && waitOn[r] === previous[r] ? waitTicks[r]! + observation.controlEvery : 0;
        if (waitOn[r] === -1) reported[r] = 0;
      }
      touched.fill(0);
      distances.trimSearches();
      for (const cycle of findWaitCycles(waitOn, waitTicks, deadlockAfterSec / observation.dtSec)) {
        for (const r of cycle) restless[r] = 1;
        if (cycle.every((r) => reported[r] === 1)) continue;
        for (const r of cycle) {
          reported[r] = 1;
          restless[r] = 1;
        }
        reports.push({ kind: 'deadlock', robots: cycle, waitedSec: Math.min(...cycle.map((r) => waitTicks[r]!)) * observation.dtSec });
      }
      return commands;
    },
    drainReports() {
      const out = reports;
      reports = [];
      return out;
    },
    saveState: () => ({
      goals: savedGoals(goalNode, goalSinceTick),
      waitOn: [...waitOn],
      waitTicks: [...waitTicks],
      reported: [...reported],
      restless: [...restless],
    }),
    loadState(saved) {
      const s = saved as { goals: Array<[number, Goal]>; waitOn: number[]; waitTicks: number[]; reported: number[]; restless: number[] };
      restless = Uint8Array.from(s.restless);
      goalNode = new Int32Array(goalNode.length).fill(-1);
      for (const [id, goal] of s.goals) {
        fitRobots(id + 1);
        goalNode[id] = goal.node;
        goalSinceTick[id] = goal.sinceTick;
      }
      waitOn = Int32Array.from(s.waitOn);
      waitTicks = Int32Array.from(s.waitTicks);
      reported = Uint8Array.from(s.reported);
    },
  };
}

/** The goals in the saved form: `[robot id, goal]` for each robot with one, by id. */
function savedGoals(goalNode: Int32Array, goalSinceTick: Float64Array): Array<[number, Goal]> {
  const out: Array<[number, Goal]> = [];
  for (let id = 0; id < goalNode.length; id++) if (goalNode[id]! >= 0) out.push([id, { node: goalNode[id]!, sinceTick: goalSinceTick[id]! }]);
  return out;
}

/** Priority bonus of loaded robots: more ticks than any episode lasts. */
const LOADED_PRIORITY = 2 ** 40;

/** An empty-handed shelf lifter may enter any node (it passes under pods). */
const anywhere = (): boolean => true;

/** The last node a robot holds on its way: the end of its route, or its node when still. */
function frontier(robot: RobotObservation): number {
  return robot.mode === 'follow' && robot.route.length > 0 ? robot.route[robot.route.length - 1]! : robot.node;
}

/**
 * Whether PIBT may move the robot this tick: it is not busy with its lift, load or picker, holds
 * fewer than `lookahead` nodes ahead, and has not arrived at the goal it works at.
 */
function isAgent(observation: FleetObservation, robot: RobotObservation, busy: ReadonlySet<number>, goal: number, lookahead: number): boolean {
  if (busy.has(robot.id) || robot.mode === 'lifting' || robot.mode === 'dropping' || robot.mode === 'faulted' || robot.mode === 'docked') return false;
  if (robot.node < 0) return false;
  if (robot.mode === 'follow' && robot.route.length >= lookahead) return false;
  if (robot.task !== null) {
    // At its goal (about to lift, drop or be picked from) it works there: an obstacle, not an agent.
    if (goal >= 0 && robot.node === goal && (robot.route.length === 0 || robot.mode !== 'follow')) return false;
    if (goal < 0) return observation.stations.every((s) => s.node !== robot.node);
  }
  return true;
}

function isStorage(kind: number): boolean {
  return kind === CellKind.Rack || kind === CellKind.ToteRack;
}

/** Where an idle robot pushed aside prefers to go: under a pod, then plain floor, then lanes. */
function parkingCost(kind: number): number {
  if (kind === CellKind.Rack) return 0;
  if (kind === CellKind.Floor || kind === CellKind.Spawn) return 1;
  if (kind === CellKind.OneWay) return 2;
  return 3;
}

/** Compass direction (0 N, 1 E, 2 S, 3 W) of the robot's heading vector (north is −z). */
function travelDirection(robot: RobotObservation): number {
  const { headingX: x, headingZ: z } = robot;
  if (Math.abs(x) >= Math.abs(z)) return x >= 0 ? 1 : 3;
  return z >= 0 ? 2 : 0;
}
