import type { FleetController, FleetObservation, RobotCommand, RobotObservation, TaskObservation } from '../../sim/index.ts';
import { planCharging } from './charging-policy.ts';
import { CommandsInFlight, type CommandsInFlightState } from './commands-in-flight.ts';
import { fleetRoster, type TaskedRobot } from './fleet-roster.ts';
import { restingLoadNodes } from './occupancy.ts';
import { errandCommands } from './errand-flow.ts';
import { taskDigest } from './task-digest.ts';
import type { FleetParts } from './fleet-parts.ts';

/** Seconds a robot may be held by its safety field before the controller plans a detour. */
export const DETOUR_AFTER_BLOCKED_SEC = 4;

/**
 * Builds a stateless `FleetController` from an assigner, a planner and an executor. The task
 * flow (fetch the load, bring it to the station, wait for the picks, store it again) is read
 * from the observation each control tick, so snapshots need no controller state.
 */
export function composeFleetController(parts: FleetParts): FleetController {
  // Under `command.latency`: what was issued and has not landed yet (empty otherwise).
  const inFlight = new CommandsInFlight();
  return {
    name: parts.name,
    decide(observation) {
      inFlight.update(observation);
      const waiting = !inFlight.isEmpty();
      const commands: RobotCommand[] = [];
      const charging = planCharging(observation);
      const roster = fleetRoster(observation, charging?.busy);
      const idle = waiting ? roster.idle.filter((r) => !inFlight.hasRobot(r.id)) : roster.idle;
      const tasked = roster.tasked;
      const digestReady = taskDigest(observation).ready;
      const ready = waiting ? digestReady.filter((t) => !inFlight.hasTask(t.id)) : digestReady;
      for (const pair of parts.assigner.assign(observation, idle, ready)) commands.push({ kind: 'assign', robot: pair.robot, task: pair.task });
      parts.planner.beginTick?.(observation);
      const returnGoals = chooseReturnGoals(observation, tasked);
      const busy = new Set<number>();
      // A robot with a command in flight is left as it is until the command lands.
      if (waiting) for (const id of inFlight.robotIds()) busy.add(id);
      // Only robots with a task have a task step: the (mostly idle) rest of the fleet is skipped.
      for (const { robot, task } of tasked) {
        if (!task || robot.mode === 'faulted' || robot.mode === 'lifting' || robot.mode === 'dropping') continue;
        if (waiting && inFlight.hasRobot(robot.id)) continue;
        const step = nextStep(observation, robot, task, returnGoals);
        if (!step) continue;
        if (step.kind === 'act') {
          busy.add(robot.id);
          commands.push({ kind: step.action, robot: robot.id });
          continue;
        }
        goTo(parts, observation, robot, step.goal, commands);
      }
      if (charging) {
        // Batteries on: queue requests and releases, then the charging flow's drives and docks.
        const chargingCommands = charging.commands as RobotCommand[];
        commands.push(...(waiting ? chargingCommands.filter((c) => !inFlight.hasRobot(c.robot)) : chargingCommands));
        for (const [id, step] of charging.steps) {
          if (waiting && inFlight.hasRobot(id)) continue;
          const robot = observation.robots[id]!;
          if (step.kind === 'act') {
            busy.add(id);
            commands.push({ kind: step.action, robot: id });
          } else {
            goTo(parts, observation, robot, step.goal, commands);
          }
        }
      }
      // Errand tasks (sortation, LoRR imports): node visits in order, through the same planner and executor.
      commands.push(...errandCommands(observation, busy, (robot, goal) => goTo(parts, observation, robot, goal, commands), waiting ? inFlight : undefined));
      if (parts.executor.finishTick) commands.push(...parts.executor.finishTick(observation, busy, waiting ? inFlight.routes() : undefined));
      inFlight.record(observation, commands);
      return commands;
    },
    drainReports: () => parts.executor.drainReports?.() ?? [],
    saveState: () => ({ executor: parts.executor.saveState?.() ?? null, inFlight: inFlight.save() }),
    loadState: (state) => {
      // Snapshots from before commands in flight were tracked hold the executor's state alone.
      const saved =
        state !== null && typeof state === 'object' && 'inFlight' in state
          ? (state as { executor: unknown; inFlight: CommandsInFlightState })
          : { executor: state, inFlight: undefined };
      inFlight.load(saved.inFlight);
      parts.executor.loadState?.(saved.executor);
    },
  };
}

/** Plans and hands over a route to `goal` unless the robot is already on its way there. */
function goTo(parts: FleetParts, observation: FleetObservation, robot: RobotObservation, goal: number, commands: RobotCommand[]): void {
  const { executor } = parts;
  if (executor.isHeadingTo) {
    if (executor.isHeadingTo(robot, goal)) return;
    const avoid = executor.avoidFor?.(robot);
    const from = executor.planFrom?.(robot);
    const path = parts.planner.plan(observation, {
      robot,
      goal,
      loaded: robot.carrying !== null,
      ...(avoid ? { avoid } : {}),
      ...(from !== undefined ? { from } : {}),
    });
    if (path && path.length > 0) commands.push(...executor.execute(observation, robot, path));
    return;
  }
  const moving = robot.mode === 'follow' && robot.route.length > 0 && robot.route[robot.route.length - 1] === goal;
  if (moving && robot.blockedSec < DETOUR_AFTER_BLOCKED_SEC) return;
  const stuck = moving && robot.blockedSec >= DETOUR_AFTER_BLOCKED_SEC;
  const avoid = stuck ? robotNodes(observation, robot.id) : undefined;
  const path = parts.planner.plan(observation, { robot, goal, loaded: robot.carrying !== null, ...(avoid ? { avoid } : {}) });
  if (path && path.length > 0) commands.push(...executor.execute(observation, robot, path));
}

/** Nodes where robots other than `self` stand. */
function robotNodes(observation: FleetObservation, self: number): (node: number) => boolean {
  const nodes = new Set<number>();
  for (const r of observation.robots) if (r.id !== self && r.node >= 0) nodes.add(r.node);
  return (node) => nodes.has(node);
}

/** A task's next step for one robot: drive to `goal`, or lift/drop where it stands. */
export type Step = { kind: 'go'; goal: number } | { kind: 'act'; action: 'lift' | 'drop' } | null;

/** What a robot with a task should do next. */
export function nextStep(observation: FleetObservation, robot: RobotObservation, task: TaskObservation, returnGoals: Map<number, number>): Step {
  const loadNode = observation.loads[task.load]!.node;
  switch (task.phase) {
    case 'assigned': {
      if (robot.carrying !== null) {
        const goal = returnGoals.get(robot.id);
        return goal === undefined ? null : robot.atNode && robot.node === goal ? { kind: 'act', action: 'drop' } : { kind: 'go', goal };
      }
      if (loadNode === null) return null;
      return robot.atNode && robot.node === loadNode ? { kind: 'act', action: 'lift' } : { kind: 'go', goal: loadNode };
    }
    case 'carrying': {
      const station = observation.stations[task.station]!.node;
      return robot.node === station && robot.atNode ? null : { kind: 'go', goal: station };
    }
    case 'returning': {
      const goal = returnGoals.get(robot.id);
      if (goal === undefined) return null;
      return robot.atNode && robot.node === goal ? { kind: 'act', action: 'drop' } : { kind: 'go', goal };
    }
    default:
      return null;
  }
}

/**
 * Where each robot returning a load should set it down: the load's home if it is free, else the
 * nearest free storage node. Deterministic: robots in id order claim nodes. `tasked`: the
 * robots with a task and their tasks (see {@link fleetRoster}), when the caller has them already.
 */
export function chooseReturnGoals(
  observation: FleetObservation,
  tasked: readonly TaskedRobot[] = fleetRoster(observation, undefined).tasked,
): Map<number, number> {
  const goals = new Map<number, number>();
  const returning: RobotObservation[] = [];
  for (const { robot, task } of tasked) {
    if (robot.carrying === null) continue;
    const phase = task?.phase;
    if (phase !== 'carrying' && phase !== 'picking') returning.push(robot);
  }
  if (returning.length === 0) return goals;
  const taken = restingLoadNodes(observation).slice();
  for (const robot of returning) {
    const home = observation.loads[robot.carrying!]!.homeNode;
    if (!taken[home]) {
      taken[home] = 1;
      goals.set(robot.id, home);
    }
  }
  for (const robot of returning) {
    if (goals.has(robot.id) || robot.node < 0) continue;
    const best = nearestFreeStorageNode(observation, robot.node, taken);
    if (best >= 0) {
      taken[best] = 1;
      goals.set(robot.id, best);
    }
  }
  return goals;
}

/** The storage node nearest (Manhattan; ties: first listed) to node `from` not flagged in `taken`, or -1. */
function nearestFreeStorageNode(observation: FleetObservation, from: number, taken: Readonly<Uint8Array>): number {
  const { nodeX, nodeZ } = observation.roadmap;
  const fromXM = nodeX[from]!;
  const fromZM = nodeZ[from]!;
  let best = -1;
  let bestDistM = Infinity;
  for (const node of observation.storageNodes) {
    if (taken[node]) continue;
    // The same sum as `nodeDistanceM(observation, from, node)`, with the start's coordinates read once.
    const distM = Math.abs(fromXM - nodeX[node]!) + Math.abs(fromZM - nodeZ[node]!);
    if (distM < bestDistM) {
      bestDistM = distM;
      best = node;
    }
  }
  return best;
}
