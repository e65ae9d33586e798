/**
 * The VDA 5050 2.x message shapes this host reads and writes (the subset it uses; the official
 * JSON schemas in `schemas/` are the authority and every message is checked against them).
 */

/** Topics under `<interfaceName>/<majorVersion>/<manufacturer>/<serialNumber>/`. */
export type VdaTopic = 'order' | 'instantActions' | 'state' | 'visualization' | 'connection' | 'factsheet';

/** Topics a vehicle subscribes to. */
export const INCOMING_TOPICS = ['order', 'instantActions'] as const;
export type IncomingTopic = (typeof INCOMING_TOPICS)[number];

export interface VdaHeader {
  headerId: number;
  timestamp: string;
  version: string;
  manufacturer: string;
  serialNumber: string;
}

export interface ActionParameter {
  key: string;
  value: unknown;
}

export interface VdaAction {
  actionType: string;
  actionId: string;
  actionDescription?: string;
  blockingType: 'NONE' | 'SOFT' | 'HARD';
  actionParameters?: ActionParameter[];
}

export interface NodePosition {
  x: number;
  y: number;
  theta?: number;
  allowedDeviationXY?: number;
  allowedDeviationTheta?: number;
  mapId: string;
}

export interface OrderNode {
  nodeId: string;
  sequenceId: number;
  released: boolean;
  nodePosition?: NodePosition;
  actions: VdaAction[];
}

export interface OrderEdge {
  edgeId: string;
  sequenceId: number;
  released: boolean;
  startNodeId: string;
  endNodeId: string;
  /** Metres per second. */
  maxSpeed?: number;
  actions: VdaAction[];
}

export interface OrderMessage extends VdaHeader {
  orderId: string;
  orderUpdateId: number;
  zoneSetId?: string;
  nodes: OrderNode[];
  edges: OrderEdge[];
}

export interface InstantActionsMessage extends VdaHeader {
  actions: VdaAction[];
}

export type ActionStatus = 'WAITING' | 'INITIALIZING' | 'RUNNING' | 'FINISHED' | 'FAILED';

export interface ActionState {
  actionId: string;
  actionType?: string;
  actionDescription?: string;
  actionStatus: ActionStatus;
  resultDescription?: string;
}

export interface ErrorReference {
  referenceKey: string;
  referenceValue: string;
}

/** Error types as VDA 5050 2.x names them. */
export type VdaErrorType =
  | 'validationError'
  | 'orderError'
  | 'orderUpdateError'
  | 'noRouteError'
  | 'orderActionError'
  | 'instantActionError'
  | 'noOrderToCancel';

export interface VdaError {
  errorType: VdaErrorType;
  errorLevel: 'WARNING' | 'FATAL';
  errorDescription: string;
  errorReferences: ErrorReference[];
}

export interface NodeState {
  nodeId: string;
  sequenceId: number;
  released: boolean;
  nodePosition?: NodePosition;
}

export interface EdgeState {
  edgeId: string;
  sequenceId: number;
  released: boolean;
}
