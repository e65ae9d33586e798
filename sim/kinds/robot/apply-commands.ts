import type { RobotCommand } from '../../control/types.ts';
import { robotRows } from './robot-columns.ts';
import { loadRows } from '../load/index.ts';
import { commandRobot, validateCommand } from './validate-command.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { shortestPath } from '../../model/shortest-path.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode } from './robot-columns.ts';
import { relocateRobot } from './relocate-robot.ts';
import { robotNode } from './robot-position.ts';
import { blockedForCarrier } from './route-rules.ts';
import { findTask, taskChanged } from '../order/index.ts';

/** Puts a robot in hold and records why. A lift or drop under way finishes (holding still is safe). */
function rejectCommand(state: SimState, robot: number | null, reason: string): void {
  const handling = robot !== null && (robotRows.table(state).mode[robot] === RobotMode.Lifting || robotRows.table(state).mode[robot] === RobotMode.Dropping);
  if (robot !== null && !handling) {
    robotRows.table(state).mode[robot] = RobotMode.Hold;
    robotRows.table(state).route[robot] = [];
    robotRows.table(state).routeNotBefore[robot] = [];
  }
  state.events.push({ type: 'command.rejected', tick: state.tick, robot: robot ?? -1, reason });
}

/**
 * Command slot (via `applyCommands` of the robot kind): validate and apply the commands a controller issued this control tick.
 * Robots busy lifting, dropping or stalled by a fault refuse motion commands.
 */
export function applyCommands(model: SimModel, state: SimState, commands: readonly unknown[]): void {
  for (const raw of commands) {
    const invalid = validateCommand(model, raw);
    if (invalid) {
      rejectCommand(state, commandRobot(model, raw), invalid);
      continue;
    }
    const reason = applyOne(model, state, raw as RobotCommand);
    if (reason) rejectCommand(state, (raw as RobotCommand).robot, reason);
  }
}

function applyOne(model: SimModel, state: SimState, c: RobotCommand): string | null {
  const r = robotRows.table(state);
  const i = c.robot;
  const mode = r.mode[i]!;
  if (c.kind === 'assign') return assignTask(state, model, i, c.task);
  if (c.kind === 'unassign') return unassignTask(state, i);
  if (mode === RobotMode.Lifting || mode === RobotMode.Dropping)
    return `robot ${i} is ${mode === RobotMode.Lifting ? 'lifting' : 'dropping'}; wait until it finishes`;
  if (r.faultUntilTick[i]! >= 0 && c.kind !== 'hold') return `robot ${i} is stalled by a fault`;
  switch (c.kind) {
    case 'hold':
      setRoute(state, i, [], []);
      r.mode[i] = RobotMode.Hold;
      return null;
    case 'drive':
      setRoute(state, i, [], []);
      r.mode[i] = RobotMode.Drive;
      r.cmdSpeedMps[i] = c.linearMps;
      r.cmdTurnRps[i] = c.angularRps;
      return null;
    case 'follow': {
      const { node } = robotNode(model, state, i);
      const first = c.path[0]!;
      if (node < 0) return `robot ${i} is off the roadmap`;
      if (first !== node && !isNeighbour(model, node, first)) return `follow.path[0] ${first} is neither robot ${i}'s node ${node} nor adjacent to it`;
      setFollowCap(state, i, c.maxSpeedMps);
      // A path that starts at the waypoint the robot is driving to continues its route seamlessly.
      if (mode === RobotMode.Follow && r.route[i]!.length > 0 && r.route[i]![0] === first) {
        setRoute(state, i, [...c.path], c.notBeforeTick ? [...c.notBeforeTick] : []);
        return null;
      }
      // Off its node's centre, a robot first drives back onto it, so it never turns between cells.
      const path = first === node ? [...c.path] : [node, ...c.path];
      const notBefore = c.notBeforeTick ? (first === node ? [...c.notBeforeTick] : [c.notBeforeTick[0]!, ...c.notBeforeTick]) : [];
      setRoute(state, i, path, notBefore);
      r.mode[i] = RobotMode.Follow;
      return null;
    }
    case 'goto': {
      const { node } = robotNode(model, state, i);
      if (node < 0) return `robot ${i} is off the roadmap`;
      const carrying = r.carriedLoad[i]! >= 0;
      const path = shortestPath(model.roadmap, node, c.node, carrying ? { blocked: blockedForCarrier(model, state) } : {});
      if (!path) return `goto: node ${c.node} cannot be reached from node ${node}`;
      setFollowCap(state, i, undefined);
      setRoute(state, i, path, []);
      r.mode[i] = RobotMode.Follow;
      return null;
    }
    case 'lift':
      return startLift(model, state, i);
    case 'drop':
      return startDrop(model, state, i);
    case 'relocate':
      return relocateRobot(model, state, i, c.node, c.headingX, c.headingZ);
    case 'dock': {
      const { node, atNode } = robotNode(model, state, i);
      if (!atNode || !robotRows.fields(model).chargerNodes.includes(node)) return `robot ${i} is not standing on a charger`;
      setRoute(state, i, [], []);
      r.mode[i] = RobotMode.Docked;
      return null;
    }
  }
}

function isNeighbour(model: SimModel, a: number, b: number): boolean {
  const map = model.roadmap;
  for (let e = map.edgeStart[a]!; e < map.edgeStart[a + 1]!; e++) if (map.edgeTarget[e] === b) return true;
  return false;
}

/** Sets (or clears) a route's speed cap. */
function setFollowCap(state: SimState, i: number, capMps: number | undefined): void {
  robotRows.table(state).routeCapMps[i] = capMps ?? 0;
}

function setRoute(state: SimState, i: number, path: number[], notBefore: number[]): void {
  robotRows.table(state).route[i] = path;
  robotRows.table(state).routeNotBefore[i] = notBefore;
}

function startLift(model: SimModel, state: SimState, i: number): string | null {
  const r = robotRows.table(state);
  if (r.carriedLoad[i]! >= 0) return `robot ${i} already carries load ${r.carriedLoad[i]}`;
  const { node, atNode } = robotNode(model, state, i);
  if (!atNode) return `robot ${i} must stand still on a node centre to lift`;
  const load = loadAtNode(state, node);
  if (load < 0) return `no load rests at node ${node} under robot ${i}`;
  const spec = robotRows.things(model)[i]!.model;
  const kind = loadRows.things(model)[load]!.kind;
  if (kind !== spec.handles) return `robot ${i} (${spec.id}) cannot lift a ${kind}`;
  if (loadRows.things(model)[load]!.massKg > spec.payloadKg) return `load ${load} is heavier than robot ${i}'s payload`;
  setRoute(state, i, [], []);
  r.mode[i] = RobotMode.Lifting;
  r.handlingTicksLeft[i] = Math.max(1, Math.round(spec.liftSec * model.hz));
  r.carriedLoad[i] = load;
  loadRows.table(state).holderKind[load] = KindIndex.Robot;
  loadRows.table(state).holderId[load] = i;
  loadRows.table(state).node[load] = -1;
  loadRows.table(state).settleTicksLeft[load] = 0;
  state.physics.makeKinematic(KindIndex.Load, load);
  return null;
}

function startDrop(model: SimModel, state: SimState, i: number): string | null {
  const r = robotRows.table(state);
  const load = r.carriedLoad[i]!;
  if (load < 0) return `robot ${i} carries nothing to drop`;
  const { node, atNode } = robotNode(model, state, i);
  if (!atNode) return `robot ${i} must stand still on a node centre to drop`;
  if (loadAtNode(state, node) >= 0) return `node ${node} already holds a load`;
  const type = loadRows.fields(model).loadTypes[loadRows.things(model)[load]!.kind]!;
  if (type.setDownOnly && model.roadmap.nodeKind[node] !== type.setDownOnly.cell)
    return `a ${type.id} can only be set down on ${type.setDownOnly.what}; node ${node} has none`;
  setRoute(state, i, [], []);
  r.mode[i] = RobotMode.Dropping;
  r.handlingTicksLeft[i] = Math.max(1, Math.round(robotRows.things(model)[i]!.model.liftSec * model.hz));
  return null;
}

/** The load resting at a node, or -1. Linear in loads; called only on lift and drop. */
function loadAtNode(state: SimState, node: number): number {
  const nodes = loadRows.table(state).node;
  for (let l = 0; l < nodes.length; l++) if (nodes[l] === node) return l;
  return -1;
}

function assignTask(state: SimState, model: SimModel, robot: number, taskId: number): string | null {
  const task = findTask(state, taskId);
  if (!task) return `task ${taskId} does not exist or is done`;
  if (task.phase !== 'open') return `task ${taskId} is already ${task.phase}${task.robot >= 0 ? ` by robot ${task.robot}` : ''}`;
  if (loadRows.table(state).task[task.load] !== task.id)
    return `task ${taskId} is not ready: load ${task.load} is busy with task ${loadRows.table(state).task[task.load]}`;
  if (robotRows.table(state).task[robot]! >= 0) return `robot ${robot} already has task ${robotRows.table(state).task[robot]}`;
  if (robotRows.table(state).carriedLoad[robot]! >= 0) return `robot ${robot} carries load ${robotRows.table(state).carriedLoad[robot]}; drop it first`;
  if (loadRows.things(model)[task.load]!.kind !== robotRows.things(model)[robot]!.model.handles)
    return `robot ${robot} cannot handle a ${loadRows.things(model)[task.load]!.kind}`;
  task.phase = 'assigned';
  task.robot = robot;
  taskChanged(state, task.id);
  robotRows.table(state).task[robot] = task.id;
  state.events.push({ type: 'task.assigned', tick: state.tick, task: task.id, robot });
  return null;
}

function unassignTask(state: SimState, robot: number): string | null {
  const taskId = robotRows.table(state).task[robot]!;
  const task = findTask(state, taskId);
  if (!task) return `robot ${robot} has no task`;
  if (task.phase !== 'assigned') return `task ${taskId} is ${task.phase}; only an assigned task can be released`;
  task.phase = 'open';
  task.robot = -1;
  taskChanged(state, task.id);
  robotRows.table(state).task[robot] = -1;
  return null;
}
