import { findWaitCycles, type ControllerReport, type FleetObservation, type RobotCommand, type RobotObservation } from '../../../sim/index.ts';
import { commandLatencyTicks, routeStillValidOnLanding } from '../commands-in-flight.ts';
import { floorBlockedNodes } from '../floor-obstacles.ts';
import { restingLoadNodes } from '../occupancy.ts';
import type { Executor } from '../fleet-parts.ts';
import { claimNodes } from './node-claims.ts';
import { findParkingPath } from './parking.ts';

/** Tunables of {@link createReservationExecutor}. */
export interface ReservationOptions {
  /** Nodes a robot may hold ahead of it (enough to brake from full speed). */
  lookaheadNodes?: number;
  /** Seconds all members of a wait cycle must have waited before it counts as a deadlock. */
  deadlockAfterSec?: number;
  /** Seconds a robot waits for an idle robot before that robot is sent to park elsewhere. */
  yieldAfterSec?: number;
  /** Seconds behind its nominal schedule after which a robot is reported as lagging. */
  lagAfterSec?: number;
}

interface Plan {
  goal: number;
  /** Nodes not yet handed to the robot, in order. */
  remaining: number[];
  /** Replace the robot's current route (after a new plan) rather than extend it. */
  resetRoute: boolean;
  /** The plan must be replaced; `avoid` lists nodes the new one should keep out of. */
  replan: boolean;
  avoid: number[];
  /** A short move out of the way (parking, side-step); the task flow waits for it. */
  detour: boolean;
  /** Tick by which the robot should arrive at nominal speed, and whether lag was reported. */
  dueTick: number;
  lagReported: boolean;
}

/**
 * Rolling-horizon node reservations: every robot holds the node(s) its body covers plus up to
 * `lookaheadNodes` nodes of its route, granted in priority order (loaded robots first, then by id)
 * and only when free, so two robots never hold the same node: collision-free by construction for
 * footprints within a cell. Waits form a wait-for graph; a cycle that persists is reported as a
 * deadlock and broken by side-stepping one member to a free neighbour (or, when none has one,
 * re-routing a member around the others); an idle robot in someone's way is sent to park.
 */
export function createReservationExecutor(options: ReservationOptions = {}): Executor {
  const lookahead = options.lookaheadNodes ?? 3;
  const deadlockAfterSec = options.deadlockAfterSec ?? 2;
  const yieldAfterSec = options.yieldAfterSec ?? 1;
  const lagAfterSec = options.lagAfterSec ?? 45;
  let plans = new Map<number, Plan>();
  let waitOn = new Int32Array(0);
  let waitTicks = new Int32Array(0);
  let reportedCycle = new Uint8Array(0);
  let reports: ControllerReport[] = [];
  /** Node holders of the current control tick, overwritten each tick (never saved: derived). */
  let ownerBuffer: Int32Array = new Int32Array(0);
  /** Last control tick's `waitOn`, copied over each tick (scratch, never saved). */
  let previousWait: Int32Array = new Int32Array(0);
  /** Robots waiting for another this control tick, ascending id (scratch of `updateWaitTicks`; never saved). */
  const waiting: number[] = [];
  /** Per robot id: has a plan (scratch of `priorityOrder`, all zero between calls; never saved). */
  let planned: Uint8Array = new Uint8Array(0);

  const ensureSize = (n: number) => {
    if (waitOn.length === n) return;
    waitOn = new Int32Array(n).fill(-1);
    waitTicks = new Int32Array(n);
    reportedCycle = new Uint8Array(n);
  };

  return {
    name: 'reservation',
    isHeadingTo(robot, goal) {
      const plan = plans.get(robot.id);
      if (!plan) return false;
      return plan.detour || (plan.goal === goal && !plan.replan);
    },
    planFrom(robot) {
      return robot.mode === 'follow' && robot.route.length > 0 ? robot.route[0]! : robot.node;
    },
    avoidFor(robot) {
      const plan = plans.get(robot.id);
      if (!plan || plan.avoid.length === 0) return undefined;
      const avoid = new Set(plan.avoid);
      return (node) => avoid.has(node);
    },
    execute(observation, robot, path) {
      plans.set(robot.id, newPlan(observation, robot, path, false));
      return [];
    },
    finishTick(observation, busy, inFlight) {
      ensureSize(observation.robots.length);
      const owner = (ownerBuffer = claimNodes(observation, ownerBuffer));
      if (inFlight) claimRoutesInFlight(owner, inFlight);
      const latencyTicks = commandLatencyTicks(observation);
      const obstructed = floorBlockedNodes(observation);
      const commands: RobotCommand[] = [];
      /** Robots handed a route in this call: a side-step must not replace a route just sent. */
      const routed = new Set<number>();
      if (previousWait.length !== waitOn.length) previousWait = new Int32Array(waitOn.length);
      if (planned.length !== observation.robots.length) planned = new Uint8Array(observation.robots.length);
      previousWait.set(waitOn);
      waitOn.fill(-1);
      for (const robot of priorityOrder(observation, plans, planned)) {
        const plan = plans.get(robot.id)!;
        if (busy.has(robot.id) || robot.mode === 'lifting' || robot.mode === 'dropping' || robot.mode === 'faulted') continue;
        if (plan.remaining.length === 0 && robot.route.length === 0 && robot.mode !== 'follow') {
          // Arrived, or the route was cut short (a refused command): either way the plan is spent.
          plans.delete(robot.id);
          continue;
        }
        const moving = robot.mode === 'follow' && robot.route.length > 0;
        // Under command latency a route for a moving robot must still fit where it is when it lands; else wait.
        if (moving && !routeStillValidOnLanding(observation, robot, latencyTicks)) continue;
        // The route the robot keeps (all of it, or on a new plan the waypoint it drives to); built only when sent.
        let ahead = moving ? (plan.resetRoute ? 1 : robot.route.length) : 0;
        let grantedNodes = 0;
        if (!plan.detour && routeObstructed(obstructed, plan, robot)) {
          // A person, a blocked aisle or a dropped item ahead: go round it (the planner avoids them).
          plan.replan = true;
          plan.avoid = obstructedNodes(obstructed);
        }
        while (grantedNodes < plan.remaining.length && ahead < lookahead) {
          const next = plan.remaining[grantedNodes]!;
          const holder = owner[next]!;
          if (holder !== -1 && holder !== robot.id) {
            waitOn[robot.id] = holder;
            break;
          }
          if (obstructed[next] === 1) break;
          owner[next] = robot.id;
          grantedNodes += 1;
          ahead += 1;
        }
        if (grantedNodes > 0 || (plan.resetRoute && moving)) {
          const kept = moving ? (plan.resetRoute ? [robot.route[0]!] : robot.route.slice()) : [robot.node];
          const route = grantedNodes > 0 ? kept.concat(plan.remaining.splice(0, grantedNodes)) : kept;
          commands.push({ kind: 'follow', robot: robot.id, path: route });
          routed.add(robot.id);
        }
        plan.resetRoute = false;
        if (!plan.lagReported && observation.tick > plan.dueTick + lagAfterSec / observation.dtSec) {
          plan.lagReported = true;
          reports.push({ kind: 'lagging', robot: robot.id, node: robot.node, lagSec: Math.round((observation.tick - plan.dueTick) * observation.dtSec) });
        }
      }
      updateWaitTicks(observation.controlEvery);
      commands.push(...yieldIdleRobots(observation, owner, busy));
      breakDeadlocks(observation, owner, busy, routed);
      return commands;
    },
    drainReports() {
      const out = reports;
      reports = [];
      return out;
    },
    saveState() {
      return { plans: [...plans.entries()], waitOn: [...waitOn], waitTicks: [...waitTicks], reportedCycle: [...reportedCycle] };
    },
    loadState(saved) {
      const s = saved as { plans: Array<[number, Plan]>; waitOn: number[]; waitTicks: number[]; reportedCycle: number[] };
      plans = new Map(s.plans);
      waitOn = Int32Array.from(s.waitOn);
      waitTicks = Int32Array.from(s.waitTicks);
      reportedCycle = Uint8Array.from(s.reportedCycle);
    },
  };

  /**
   * Counts on the wait of each robot still waiting for the same robot as last control tick (by
   * `controlEvery` ticks) and restarts the others; lists the robots now waiting in `waiting`.
   */
  function updateWaitTicks(controlEvery: number): void {
    const wait = waitOn;
    const before = previousWait;
    const ticks = waitTicks;
    const reported = reportedCycle;
    waiting.length = 0;
    for (let i = 0; i < wait.length; i++) {
      const on = wait[i]!;
      if (on === -1) {
        ticks[i] = 0;
        reported[i] = 0;
        continue;
      }
      ticks[i] = on === before[i] ? ticks[i]! + controlEvery : 0;
      waiting.push(i);
    }
  }

  /**
   * `findWaitCycles` over just the robots that have waited `minTicks` (every member of a cycle it
   * reports has; usually a handful, not the fleet): their waits renumbered in id order, so the
   * cycles and their order are the same as over the whole fleet.
   */
  function longWaitCycles(minTicks: number): number[][] {
    const ids: number[] = [];
    for (const i of waiting) if (waitTicks[i]! >= minTicks) ids.push(i);
    if (ids.length < 2) return [];
    const index = new Map<number, number>();
    for (let k = 0; k < ids.length; k++) index.set(ids[k]!, k);
    const on = new Int32Array(ids.length);
    const ticks = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      on[k] = index.get(waitOn[ids[k]!]!) ?? -1;
      ticks[k] = waitTicks[ids[k]!]!;
    }
    return findWaitCycles(on, ticks, minTicks).map((cycle) => cycle.map((k) => ids[k]!));
  }

  /** An idle robot someone has waited on for `yieldAfterSec` drives to a free parking node. */
  function yieldIdleRobots(observation: FleetObservation, owner: Int32Array, busy: ReadonlySet<number>): RobotCommand[] {
    const minTicks = yieldAfterSec / observation.dtSec;
    for (let i = 0; i < waitOn.length; i++) {
      const idle = waitOn[i]!;
      if (idle < 0 || waitTicks[i]! < minTicks || plans.has(idle)) continue;
      const robot = observation.robots[idle]!;
      // `busy`: robots the task flow keeps where they are (handling, or dwelling on an errand).
      if (robot.task !== null || robot.mode !== 'hold' || busy.has(idle)) continue;
      const waiter = plans.get(i);
      const keepClear = new Set(waiter ? waiter.remaining.slice(0, 8) : []);
      if (waiter) keepClear.add(waiter.goal);
      const path = findParkingPath(observation, robot, owner, keepClear);
      if (path) plans.set(idle, { ...newPlan(observation, robot, path, true) });
    }
    return [];
  }

  /** Reports wait cycles once and breaks each by re-routing or side-stepping one member. */
  function breakDeadlocks(observation: FleetObservation, owner: Int32Array, busy: ReadonlySet<number>, routed: ReadonlySet<number>): void {
    const minTicks = deadlockAfterSec / observation.dtSec;
    const resting = restingLoadNodes(observation);
    for (const cycle of longWaitCycles(minTicks)) {
      if (cycle.some((r) => reportedCycle[r] === 0)) {
        for (const r of cycle) reportedCycle[r] = 1;
        reports.push({ kind: 'deadlock', robots: cycle, waitedSec: Math.min(...cycle.map((r) => waitTicks[r]!)) * observation.dtSec });
      }
      // Step aside: the first member (empty-handed first, then highest id) with a free neighbour
      // off the others' way moves there, and the rest of the cycle can advance.
      const avoid = cycleFootprint(observation, cycle);
      let resolved = false;
      for (const victim of victimOrder(observation, cycle)) {
        const robot = observation.robots[victim]!;
        // A robot sent on its way this tick is no longer standing where the observation saw it.
        if (busy.has(victim) || routed.has(victim) || !robot.atNode || robot.mode !== 'hold') continue;
        const aside = freeNeighbour(observation, robot, owner, avoid, robot.carrying !== null ? resting : null);
        if (aside < 0) continue;
        plans.set(victim, newPlan(observation, robot, [robot.node, aside], true));
        owner[aside] = victim;
        waitTicks[victim] = 0;
        resolved = true;
        break;
      }
      if (resolved) continue;
      // Nobody can step aside: re-route the preferred member around the others.
      const victim = victimOrder(observation, cycle)[0]!;
      const plan = plans.get(victim);
      if (plan && !plan.detour) {
        plan.replan = true;
        plan.avoid = [...avoid].sort((a, b) => a - b);
      }
    }
  }
}

/** Nodes of routes sent but not landed yet are held by their robots (where nobody else holds them). */
function claimRoutesInFlight(owner: Int32Array, inFlight: ReadonlyMap<number, readonly number[]>): void {
  for (const [robot, route] of inFlight) for (const n of route) if (owner[n] === -1) owner[n] = robot;
}

function newPlan(observation: FleetObservation, robot: RobotObservation, path: readonly number[], detour: boolean): Plan {
  const nominalSecPerNode = observation.grid.cellM / (0.6 * robot.maxSpeedMps);
  return {
    goal: path[path.length - 1]!,
    remaining: path.slice(1),
    resetRoute: true,
    replan: false,
    avoid: [],
    detour,
    dueTick: observation.tick + Math.ceil((path.length * nominalSecPerNode + 10) / observation.dtSec),
    lagReported: false,
  };
}

/** Robots with a plan, loaded first, then by id: deterministic and favours the constrained. */
function priorityOrder(observation: FleetObservation, plans: Map<number, Plan>, planned: Uint8Array): RobotObservation[] {
  // Flag the robots with a plan, then collect them in id order: no sort. `planned` is left all zero.
  for (const id of plans.keys()) planned[id] = 1;
  const robots = observation.robots;
  const loaded: RobotObservation[] = [];
  const empty: RobotObservation[] = [];
  for (let id = 0; id < robots.length; id++) {
    if (planned[id] === 0) continue;
    planned[id] = 0;
    const robot = robots[id]!;
    if (robot.carrying !== null) loaded.push(robot);
    else empty.push(robot);
  }
  for (const robot of empty) loaded.push(robot);
  return loaded;
}

/** Who gives way first: empty-handed robots (they may pass under pods), then the highest id. */
function victimOrder(observation: FleetObservation, cycle: number[]): number[] {
  return [...cycle].sort((a, b) => Number(observation.robots[a]!.carrying !== null) - Number(observation.robots[b]!.carrying !== null) || b - a);
}

/** Nodes the cycle's robots hold now (where they stand and the route they were granted). */
function cycleFootprint(observation: FleetObservation, cycle: number[]): Set<number> {
  const nodes = new Set<number>();
  for (const r of cycle) {
    const robot = observation.robots[r]!;
    if (robot.node >= 0) nodes.add(robot.node);
    for (const n of robot.route) nodes.add(n);
  }
  return nodes;
}

function freeNeighbour(observation: FleetObservation, robot: RobotObservation, owner: Int32Array, avoid: Set<number>, resting: Uint8Array | null): number {
  const map = observation.roadmap;
  if (robot.node < 0) return -1;
  for (let e = map.edgeStart[robot.node]!; e < map.edgeStart[robot.node + 1]!; e++) {
    const n = map.edgeTarget[e]!;
    if (owner[n] !== -1 || avoid.has(n) || (resting && resting[n] === 1)) continue;
    return n;
  }
  return -1;
}

/** Seconds a robot may be held in front of an obstruction on its route before it is re-routed. */
const OBSTRUCTED_REPLAN_SEC = 2;

/**
 * Whether a robot's next nodes (its granted route and the next few of its plan) cross a node
 * blocked by a person or a fault, and it cannot go on: the next ungranted node is blocked, or the
 * robot has been held for {@link OBSTRUCTED_REPLAN_SEC}. Never true on a floor without obstructions.
 */
function routeObstructed(obstructed: Readonly<Uint8Array>, plan: Plan, robot: RobotObservation): boolean {
  const next = plan.remaining[0];
  if (next !== undefined && next !== plan.goal && obstructed[next] === 1) return true;
  if (robot.blockedSec < OBSTRUCTED_REPLAN_SEC) return false;
  for (const n of robot.route) if (obstructed[n] === 1 && n !== plan.goal) return true;
  return false;
}

function obstructedNodes(obstructed: Readonly<Uint8Array>): number[] {
  const out: number[] = [];
  for (let n = 0; n < obstructed.length; n++) if (obstructed[n] === 1) out.push(n);
  return out;
}
