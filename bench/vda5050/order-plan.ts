import { roadNodeNear, roadNodeOfId, straightRun, type MapFrame } from './map-frame.ts';
import type { ErrorReference, OrderEdge, OrderMessage, OrderNode, VdaAction, VdaError, VdaErrorType } from './vda-messages.ts';

/** Action types a vehicle runs at an order node. */
export const NODE_ACTIONS: readonly string[] = ['pick', 'drop', 'startCharging', 'stopCharging'];

/** An order node resolved to the roadmap. */
export interface PlanNode {
  readonly node: OrderNode;
  /** Roadmap node it stands for. */
  readonly roadNode: number;
}

/** An order edge resolved to the roadmap nodes it drives through. */
export interface PlanEdge {
  readonly edge: OrderEdge;
  /** Roadmap nodes after the start node, ending with the end node. */
  readonly run: readonly number[];
}

/** An order checked against the map: its nodes and edges in sequence order. */
export interface OrderPlan {
  readonly nodes: PlanNode[];
  readonly edges: PlanEdge[];
}

/** A rejection: the error the vehicle reports. */
export function orderError(
  type: VdaErrorType,
  description: string,
  order: Pick<OrderMessage, 'orderId' | 'orderUpdateId' | 'headerId'>,
  more: ErrorReference[] = [],
): VdaError {
  return {
    errorType: type,
    errorLevel: 'WARNING',
    errorDescription: description,
    errorReferences: [
      { referenceKey: 'headerId', referenceValue: String(order.headerId) },
      { referenceKey: 'topic', referenceValue: 'order' },
      { referenceKey: 'orderId', referenceValue: order.orderId },
      { referenceKey: 'orderUpdateId', referenceValue: String(order.orderUpdateId) },
      ...more,
    ],
  };
}

/**
 * Checks a schema-valid order against the spec's structural rules and the map and resolves it:
 * nodes and edges alternate (`node.sequenceId + 1 = edge.sequenceId = next node.sequenceId − 1`,
 * edge start and end naming those nodes), the released base is a prefix, every node is a roadmap
 * node (`n<k>`, or `nodePosition` on this map within `allowedDeviationXY`), every edge a straight
 * run of roadmap edges, every action one this vehicle runs, action ids unique. Returns the plan,
 * or the first problem as a VDA error.
 */
export function planOrder(frame: MapFrame, order: OrderMessage, knownActionIds: ReadonlySet<string>): OrderPlan | VdaError {
  const fail = (type: VdaErrorType, why: string, refs: ErrorReference[] = []) => orderError(type, why, order, refs);
  const { nodes, edges } = order;
  if (nodes.length === 0) return fail('orderError', 'the order has no nodes');
  if (edges.length !== nodes.length - 1)
    return fail('orderError', `an order with ${nodes.length} nodes needs ${nodes.length - 1} edges, it has ${edges.length}`);
  const sorted = [...nodes].sort((a, b) => a.sequenceId - b.sequenceId);
  const sortedEdges = [...edges].sort((a, b) => a.sequenceId - b.sequenceId);
  for (let k = 0; k < sortedEdges.length; k++) {
    const a = sorted[k]!;
    const e = sortedEdges[k]!;
    const b = sorted[k + 1]!;
    const ref = [{ referenceKey: 'edgeId', referenceValue: e.edgeId }];
    if (e.sequenceId !== a.sequenceId + 1 || b.sequenceId !== e.sequenceId + 1) {
      return fail(
        'orderError',
        `sequence ids skip: node ${a.nodeId} (${a.sequenceId}), edge ${e.edgeId} (${e.sequenceId}), node ${b.nodeId} (${b.sequenceId}) must be consecutive`,
        ref,
      );
    }
    if (e.startNodeId !== a.nodeId || e.endNodeId !== b.nodeId) {
      return fail('orderError', `edge ${e.edgeId} runs ${e.startNodeId} → ${e.endNodeId} but sits between nodes ${a.nodeId} and ${b.nodeId}`, ref);
    }
    if (e.released !== b.released)
      return fail(
        'orderError',
        `edge ${e.edgeId} is ${e.released ? '' : 'not '}released but its end node ${b.nodeId} is ${b.released ? '' : 'not '}released`,
        ref,
      );
  }
  if (!sorted[0]!.released)
    return fail('orderError', `the first node ${sorted[0]!.nodeId} must be released`, [{ referenceKey: 'nodeId', referenceValue: sorted[0]!.nodeId }]);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.released && !sorted[k - 1]!.released)
      return fail('orderError', `node ${sorted[k]!.nodeId} is released after a horizon node: the base must come first`, [
        { referenceKey: 'nodeId', referenceValue: sorted[k]!.nodeId },
      ]);
  }
  const seen = new Set<string>();
  const checkActions = (actions: readonly VdaAction[], where: ErrorReference, allowed: readonly string[]): VdaError | null => {
    for (const a of actions) {
      const refs = [where, { referenceKey: 'actionId', referenceValue: a.actionId }, { referenceKey: 'actionType', referenceValue: a.actionType }];
      if (!allowed.includes(a.actionType)) {
        const hint = allowed.length ? `supported here: ${allowed.join(', ')}` : 'this vehicle runs no edge actions';
        return fail('orderActionError', `action ${a.actionId}: type "${a.actionType}" is not supported (${hint})`, refs);
      }
      if (seen.has(a.actionId) || knownActionIds.has(a.actionId)) return fail('orderActionError', `action id ${a.actionId} is used twice`, refs);
      seen.add(a.actionId);
    }
    return null;
  };
  const planNodes: PlanNode[] = [];
  for (const n of sorted) {
    const ref = { referenceKey: 'nodeId', referenceValue: n.nodeId };
    const roadNode = resolveNode(frame, n);
    if (typeof roadNode === 'string') return fail('noRouteError', roadNode, [ref]);
    const bad = checkActions(n.actions, ref, NODE_ACTIONS);
    if (bad) return bad;
    planNodes.push({ node: n, roadNode });
  }
  const planEdges: PlanEdge[] = [];
  for (let k = 0; k < sortedEdges.length; k++) {
    const e = sortedEdges[k]!;
    const ref = { referenceKey: 'edgeId', referenceValue: e.edgeId };
    const run = straightRun(frame, planNodes[k]!.roadNode, planNodes[k + 1]!.roadNode);
    if (!run)
      return fail(
        'noRouteError',
        `edge ${e.edgeId} (${e.startNodeId} → ${e.endNodeId}) is not a straight run of roadmap edges: it would skip nodes, cross a wall or go against a one-way lane`,
        [ref],
      );
    const bad = checkActions(e.actions, ref, []);
    if (bad) return bad;
    planEdges.push({ edge: e, run });
  }
  return { nodes: planNodes, edges: planEdges };
}

/** The roadmap node of an order node, or why there is none. */
function resolveNode(frame: MapFrame, n: OrderNode): number | string {
  const byId = roadNodeOfId(frame, n.nodeId);
  const p = n.nodePosition;
  if (p) {
    if (p.mapId !== frame.mapId) return `node ${n.nodeId}: nodePosition.mapId "${p.mapId}" is not this map ("${frame.mapId}")`;
    const deviationM = p.allowedDeviationXY && p.allowedDeviationXY > 0 ? p.allowedDeviationXY : frame.roadmap.cellM / 2;
    const near = roadNodeNear(frame, p.x, p.y, deviationM);
    if (near < 0) return `node ${n.nodeId}: no roadmap node within ${deviationM} m of (${p.x}, ${p.y})`;
    if (byId >= 0 && byId !== near) return `node ${n.nodeId} names roadmap node n${byId} but its nodePosition is at n${near}`;
    return near;
  }
  if (byId >= 0) return byId;
  return `node ${n.nodeId} is not on the map: use a roadmap node id (n0 … n${frame.roadmap.nodeCount - 1}, see "vda5050 export-map") or give a nodePosition`;
}
