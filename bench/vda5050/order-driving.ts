import { follow, hold, type FleetObservation, type RobotCommand, type RobotObservation } from '../../sim/index.ts';
import { hasRoadEdge } from './map-frame.ts';
import { STILL_MPS, type VehicleState } from './vehicle-state.ts';

/** Marks order nodes reached as the robot's centre enters their cell; queues their actions. */
export function trackProgress(v: VehicleState, r: RobotObservation): void {
  while (v.edges.length > 0 && v.edges[0]!.edge.released && v.pending.length === 0) {
    const run = v.edges[0]!.run;
    for (let look = v.runIndex; look < run.length && look < v.runIndex + 3; look++) {
      if (run[look] === r.node) {
        v.runIndex = look + 1;
        break;
      }
    }
    if (v.runIndex < run.length) return;
    const edge = v.edges.shift()!;
    const reached = v.nodes.shift()!;
    v.runIndex = 0;
    v.lastNodeId = reached.node.nodeId;
    v.lastRoadNode = reached.roadNode;
    v.lastNodeSequenceId = reached.node.sequenceId;
    v.pending = [...reached.node.actions];
    for (const a of edge.edge.actions) v.setStatus(a.actionId, 'FINISHED');
    v.changed = true;
  }
}

/**
 * The `follow` command along the released base up to the first node with actions (or the base's
 * end), no faster than the lowest `maxSpeed` of the edges on the way there; null while the last
 * one issued still holds.
 */
export function driveCommand(v: VehicleState, r: RobotObservation, obs: FleetObservation): RobotCommand | null {
  const path: number[] = [];
  let capMps = Infinity;
  for (let k = 0; k < v.edges.length; k++) {
    const e = v.edges[k]!;
    if (!e.edge.released) break;
    path.push(...(k === 0 ? e.run.slice(v.runIndex) : e.run));
    if (e.edge.maxSpeed !== undefined && e.edge.maxSpeed > 0) capMps = Math.min(capMps, e.edge.maxSpeed);
    if (v.nodes[k]!.node.actions.length > 0) break;
  }
  if (path.length === 0) return null;
  const target = path[path.length - 1]!;
  const stalled = r.mode === 'hold' && obs.tick - v.issuedTick >= 3 * obs.controlEvery;
  if (target === v.issuedTarget && capMps === v.issuedCapMps && !stalled) return null;
  v.issuedTarget = target;
  v.issuedCapMps = capMps;
  v.issuedTick = obs.tick;
  v.holdIssued = false;
  const continues = r.mode === 'follow' && r.route.length > 0 && r.route[0] === path[0];
  const startsHere = path[0] === r.node || hasRoadEdge(obs.roadmap, r.node, path[0]!);
  const command = follow(v.robot, continues || startsHere ? path : [r.node, ...path]);
  return Number.isFinite(capMps) ? { ...(command as Extract<RobotCommand, { kind: 'follow' }>), maxSpeedMps: capMps } : command;
}

/** The command that brings a robot that stopped off its node's centre (a pause) back onto it, or null. */
export function settleOnNodeCommand(v: VehicleState, r: RobotObservation, obs: FleetObservation): RobotCommand | null {
  if (r.mode !== 'hold' || Math.abs(r.speedMps) > STILL_MPS || r.node < 0 || obs.tick - v.issuedTick < 3 * obs.controlEvery) return null;
  v.issuedTick = obs.tick;
  v.issuedTarget = r.node;
  return follow(v.robot, [r.node]);
}

/** A `hold` command the first time it is asked for since the last drive, else null. */
export function holdOnceCommand(v: VehicleState): RobotCommand | null {
  if (v.holdIssued) return null;
  v.holdIssued = true;
  v.issuedTarget = -1;
  return hold(v.robot);
}
