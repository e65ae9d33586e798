import type { FleetObservation } from '../../sim/index.ts';
import { nodeIdOf } from './map-frame.ts';
import { orderError, planOrder } from './order-plan.ts';
import type { OrderMessage } from './vda-messages.ts';
import { waitingState, type VehicleState } from './vehicle-state.ts';

/**
 * Takes a valid `order` into `v`: a new order (where the vehicle stands, none running), an update
 * of the current one, or a resend to discard. Anything the spec rejects becomes an error in the
 * state and changes nothing else. `tag` is the host's arrival tag, kept for the first-motion latency.
 */
export function applyOrder(v: VehicleState, order: OrderMessage, obs: FleetObservation, tag: number): void {
  const r = obs.robots[v.robot]!;
  if (v.cancel)
    return v.report(
      obs.tick,
      orderError('orderError', `order ${order.orderId} arrived while order ${v.orderId} is being cancelled; send it again when the cancel has finished`, order),
    );
  if (order.orderId === v.orderId && v.orderId !== '') {
    if (order.orderUpdateId < v.orderUpdateId)
      return v.report(
        obs.tick,
        orderError('orderUpdateError', `orderUpdateId ${order.orderUpdateId} is older than the current ${v.orderUpdateId} of order ${order.orderId}`, order),
      );
    if (order.orderUpdateId === v.orderUpdateId) return; // a resend: VDA 5050 says discard it
    return applyUpdate(v, order, obs);
  }
  if (v.busy)
    return v.report(
      obs.tick,
      orderError('orderError', `the vehicle is still executing order ${v.orderId}; send an update of it (same orderId) or cancelOrder first`, order),
    );
  const plan = planOrder(v.frame, order, new Set());
  if ('errorType' in plan) return v.report(obs.tick, plan);
  const first = plan.nodes[0]!;
  if (first.roadNode !== r.node) {
    return v.report(
      obs.tick,
      orderError(
        'noRouteError',
        `a new order starts where the vehicle stands (${nodeIdOf(r.node)}); its first node ${first.node.nodeId} is ${nodeIdOf(first.roadNode)}`,
        order,
        [{ referenceKey: 'nodeId', referenceValue: first.node.nodeId }],
      ),
    );
  }
  v.orderId = order.orderId;
  v.orderUpdateId = order.orderUpdateId;
  v.nodes = plan.nodes.slice(1);
  v.edges = plan.edges;
  v.runIndex = 0;
  v.errors = [];
  v.orderActionStates = [...plan.nodes.flatMap((n) => n.node.actions), ...plan.edges.flatMap((e) => e.edge.actions)].map(waitingState);
  v.lastNodeId = first.node.nodeId;
  v.lastRoadNode = first.roadNode;
  v.lastNodeSequenceId = first.node.sequenceId;
  v.pending = [...first.node.actions];
  v.issuedTarget = -1;
  v.tally.ordersAccepted += 1;
  v.completionCounted = false;
  v.motionWait = v.edges.some((e) => e.edge.released && e.run.length > 0) ? tag : null;
  v.changed = true;
}

/** An update of the current order: it must start at the end of the base; its nodes and edges replace the horizon. */
function applyUpdate(v: VehicleState, order: OrderMessage, obs: FleetObservation): void {
  const base = v.nodes.filter((n) => n.node.released);
  const stitch =
    base.length > 0
      ? { nodeId: base[base.length - 1]!.node.nodeId, sequenceId: base[base.length - 1]!.node.sequenceId }
      : { nodeId: v.lastNodeId, sequenceId: v.lastNodeSequenceId };
  const firstSent = [...order.nodes].sort((a, b) => a.sequenceId - b.sequenceId)[0];
  const known = new Set(v.orderActionStates.map((s) => s.actionId));
  for (const a of firstSent?.actions ?? []) known.delete(a.actionId);
  const plan = planOrder(v.frame, order, known);
  if ('errorType' in plan) return v.report(obs.tick, plan);
  const first = plan.nodes[0]!.node;
  if (first.nodeId !== stitch.nodeId || first.sequenceId !== stitch.sequenceId) {
    return v.report(
      obs.tick,
      orderError(
        'orderUpdateError',
        `an update of order ${order.orderId} must start at the end of its base, node ${stitch.nodeId} (sequenceId ${stitch.sequenceId}); it starts at ${first.nodeId} (sequenceId ${first.sequenceId})`,
        order,
        [{ referenceKey: 'nodeId', referenceValue: first.nodeId }],
      ),
    );
  }
  v.nodes = [...base, ...plan.nodes.slice(1)];
  v.edges = [...v.edges.filter((e) => e.edge.released), ...plan.edges];
  const added = [...plan.nodes.slice(1).flatMap((n) => n.node.actions), ...plan.edges.flatMap((e) => e.edge.actions)];
  v.orderActionStates = [...v.orderActionStates, ...added.map(waitingState)];
  v.orderUpdateId = order.orderUpdateId;
  v.tally.updatesAccepted += 1;
  v.completionCounted = false;
  v.issuedTarget = -1;
  v.changed = true;
}
