import type { RobotModelSpec } from '../../sim/index.ts';
import { simToMap, thetaOf, type MapFrame } from './map-frame.ts';
import { NODE_ACTIONS } from './order-plan.ts';
import type { VehicleAgent } from './vehicle-agent.ts';

/** Header fields every outgoing message carries, minus `headerId` and `timestamp`. */
export interface OutgoingHeader {
  version: string;
  manufacturer: string;
  serialNumber: string;
}

/** The `agvPosition` of a vehicle, map frame. */
function agvPosition(frame: MapFrame, agent: VehicleAgent) {
  const v = agent.view;
  const p = simToMap(frame, v.x, v.z);
  return { x: p.x, y: p.y, theta: thetaOf(v.headingX, v.headingZ), mapId: frame.mapId, positionInitialized: true, localizationScore: 1, deviationRange: 0 };
}

function velocity(agent: VehicleAgent) {
  const v = agent.view;
  // Body frame: vx along the heading; a diff-drive robot has no sideways speed.
  return { vx: v.speedMps, vy: 0, omega: 0 };
}

/** A `state` message body (without headerId/timestamp). */
export function stateBody(header: OutgoingHeader, frame: MapFrame, agent: VehicleAgent, model: RobotModelSpec, loadKinds: readonly string[]) {
  const v = agent.view;
  const driving = Math.abs(v.speedMps) > 0.01;
  return {
    ...header,
    orderId: agent.orderId,
    orderUpdateId: agent.orderUpdateId,
    lastNodeId: agent.lastNodeId,
    lastNodeSequenceId: agent.lastNodeSequenceId,
    nodeStates: agent.nodes.map((n) => ({
      nodeId: n.node.nodeId,
      sequenceId: n.node.sequenceId,
      released: n.node.released,
      ...(n.node.nodePosition ? { nodePosition: n.node.nodePosition } : {}),
    })),
    edgeStates: agent.edges.map((e) => ({ edgeId: e.edge.edgeId, sequenceId: e.edge.sequenceId, released: e.edge.released })),
    driving,
    paused: agent.paused,
    newBaseRequest: false,
    distanceSinceLastNode:
      agent.lastRoadNode < 0 ? 0 : Math.hypot(v.x - frame.roadmap.nodeX[agent.lastRoadNode]!, v.z - frame.roadmap.nodeZ[agent.lastRoadNode]!),
    agvPosition: agvPosition(frame, agent),
    velocity: velocity(agent),
    loads: v.carrying === null ? [] : [{ loadId: `load-${v.carrying}`, loadType: loadKinds[v.carrying] ?? 'load', loadPosition: 'lift' }],
    actionStates: agent.actionStates(),
    batteryState: {
      batteryCharge: Math.max(0, Math.min(100, (100 * v.batteryWh) / model.battery.capacityWh)),
      charging: v.mode === 'docked',
    },
    operatingMode: 'AUTOMATIC',
    errors: agent.errors,
    information: [],
    safetyState: { eStop: 'NONE', fieldViolation: v.blockedSec > 0 },
  };
}

/** A `visualization` message body. */
export function visualizationBody(header: OutgoingHeader, frame: MapFrame, agent: VehicleAgent) {
  return { ...header, agvPosition: agvPosition(frame, agent), velocity: velocity(agent) };
}

/** A `connection` message body. */
export function connectionBody(header: OutgoingHeader, connectionState: 'ONLINE' | 'OFFLINE' | 'CONNECTIONBROKEN') {
  return { ...header, connectionState };
}

/** A `factsheet` message body, from the robot model. */
export function factsheetBody(header: OutgoingHeader, model: RobotModelSpec) {
  const f = model.footprint;
  // No `blockingTypes`: the official 2.0/2.1 schemas put its enum on the array itself, so no value validates.
  const nodeAction = (s: string) => ({ actionType: s, actionScopes: ['NODE'] });
  return {
    ...header,
    typeSpecification: {
      seriesName: model.id,
      seriesDescription: `Testfield simulated ${model.id}, carries ${model.handles}s`,
      agvKinematic: 'DIFF',
      agvClass: 'CARRIER',
      maxLoadMass: model.payloadKg,
      localizationTypes: ['GRID'],
      navigationTypes: ['VIRTUAL_LINE_GUIDED'],
    },
    physicalParameters: {
      speedMin: 0,
      speedMax: model.maxSpeedMps,
      accelerationMax: model.maxAccelMps2,
      decelerationMax: model.maxAccelMps2,
      heightMin: f.heightM,
      heightMax: f.heightM + model.liftHeightM,
      width: f.widthM,
      length: f.lengthM,
    },
    protocolLimits: {
      maxStringLens: {},
      maxArrayLens: {},
      timing: { minOrderInterval: 0.1, minStateInterval: 0.1 },
    },
    protocolFeatures: {
      optionalParameters: [],
      agvActions: [
        ...NODE_ACTIONS.map(nodeAction),
        ...['cancelOrder', 'startPause', 'stopPause', 'stateRequest', 'factsheetRequest'].map((s) => ({ actionType: s, actionScopes: ['INSTANT'] })),
      ],
    },
    agvGeometry: {},
    loadSpecification: { loadPositions: ['lift'] },
  };
}
