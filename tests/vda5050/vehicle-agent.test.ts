import { describe, expect, it } from 'vitest';
import { loadRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario, SimHost } from '../../sim/index.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import { createMapFrame, straightRun } from '../../bench/vda5050/map-frame.ts';
import { stateBody } from '../../bench/vda5050/outgoing-messages.ts';
import { checkVdaMessage } from '../../bench/vda5050/schema-validator.ts';
import { VdaFleetController } from '../../bench/vda5050/vda-fleet-controller.ts';
import { MapRouter, orderAlong } from './map-router.ts';

const spec = findScenario('warehouse/g2p-small')!;
const model = compileScenario(spec, hostCatalog);
const router = new MapRouter(exportMapJson(model));
const serialNumbers = robotRows.things(model).map((r) => `r${r.id}`);

/** A session without a broker: messages go straight into the controller's inbox. */
async function brokerless() {
  const host = await SimHost.create(hostCatalog);
  const controller = new VdaFleetController({ manufacturer: 'T', serialNumbers, schemaVersion: '2.0.0' }, model.id);
  host.load({ spec, controller });
  host.advance(1);
  let headerId = 0;
  const send = (robot: number, topic: 'order' | 'instantActions', body: object) =>
    controller.inbox.push({
      robot,
      topic,
      tag: 0,
      payload: JSON.stringify({
        headerId: headerId++,
        timestamp: '2026-12-06T12:00:00.000Z',
        version: '2.0.0',
        manufacturer: 'T',
        serialNumber: serialNumbers[robot],
        ...body,
      }),
    });
  const runUntil = (what: string, condition: () => boolean, limitTicks = 30 * 300) => {
    const end = host.tick + limitTicks;
    while (!condition()) {
      if (host.tick >= end) throw new Error(`${what}: not within ${limitTicks} ticks`);
      host.advance(3);
    }
  };
  return { host, controller, send, runUntil };
}

describe('VDA 5050 vehicle (no broker: messages straight to the controller)', () => {
  it('straight runs follow roadmap edges only: no skipping across walls, no driving against one-way lanes', () => {
    const frame = createMapFrame(model.id, model.roadmap, model.grid);
    const n = (col: number, row: number) => Number(router.nodeAtCell(col, row).slice(1));
    expect(straightRun(frame, n(11, 2), n(14, 2))).toEqual([n(12, 2), n(13, 2), n(14, 2)]);
    expect(straightRun(frame, n(14, 2), n(14, 2))).toEqual([]);
    // Row 3 is a one-way lane heading east.
    expect(straightRun(frame, n(10, 3), n(13, 3))).not.toBeNull();
    expect(straightRun(frame, n(13, 3), n(10, 3))).toBeNull();
    // Not on one row or column.
    expect(straightRun(frame, n(11, 2), n(12, 4))).toBeNull();
  });

  it('startCharging at a charger docks the robot (charging in state), stopCharging undocks it, and every state validates', async () => {
    const { host, controller, send, runUntil } = await brokerless();
    try {
      const robot = robotRows.things(model).find((r) => `n${r.spawnNode}` === router.nodeAtCell(1, 2))!.id;
      const agent = controller.agents[robot]!;
      const charger = router.nodeAtCell(3, 19);
      const occupied = new Set(controller.agents.filter((a) => a.robot !== robot).map((a) => a.lastNodeId));
      const path = router.route(agent.lastNodeId, charger, occupied);
      const order = orderAlong(path, []);
      order.nodes[order.nodes.length - 1]!.actions = [{ actionId: 'dock', actionType: 'startCharging' as 'pick', blockingType: 'HARD', actionParameters: [] }];
      send(robot, 'order', { orderId: 'charge', orderUpdateId: 0, ...order });
      runUntil('docked', () => agent.view.mode === 'docked');
      const docked = stateBody(
        { version: '2.0.0', manufacturer: 'T', serialNumber: serialNumbers[robot]! },
        controller.frame!,
        agent,
        robotRows.things(model)[robot]!.model,
        loadRows.things(model).map((l) => l.kind),
      );
      expect(docked.batteryState.charging).toBe(true);
      expect(checkVdaMessage('state', { headerId: 1, timestamp: '2026-12-06T12:00:00.000Z', ...docked }, '2.0.0')).toEqual({ ok: true });
      const before = agent.view.batteryWh;
      host.advance(300);
      expect(agent.view.batteryWh).toBeGreaterThanOrEqual(before);
      send(robot, 'order', {
        orderId: 'undock',
        orderUpdateId: 0,
        nodes: [
          {
            nodeId: charger,
            sequenceId: 0,
            released: true,
            actions: [{ actionId: 'undock', actionType: 'stopCharging', blockingType: 'HARD', actionParameters: [] }],
          },
        ],
        edges: [],
      });
      runUntil('undocked', () => agent.view.mode !== 'docked' && !agent.busy);
      expect(agent.orderActionStates).toEqual([{ actionId: 'undock', actionType: 'stopCharging', actionStatus: 'FINISHED' }]);
      expect(agent.tally.actionsFinished).toBe(2);
      expect(agent.errors).toEqual([]);
    } finally {
      host.dispose();
    }
  });

  it('a new order while one runs is refused (orderError), a pick where no load rests fails its action (orderActionError); the vehicle goes on', async () => {
    const { host, controller, send, runUntil } = await brokerless();
    try {
      const robot = robotRows.things(model).find((r) => `n${r.spawnNode}` === router.nodeAtCell(9, 2))!.id;
      const agent = controller.agents[robot]!;
      const route = [agent.lastNodeId, router.nodeAtCell(10, 2), router.nodeAtCell(11, 2), router.nodeAtCell(12, 2)];
      send(robot, 'order', { orderId: 'one', orderUpdateId: 0, ...orderAlong(route, [{ at: route[3]!, actionType: 'pick', actionId: 'p' }]) });
      host.advance(6);
      send(robot, 'order', { orderId: 'two', orderUpdateId: 0, ...orderAlong([route[0]!], []) });
      host.advance(3);
      expect(agent.errors.map((e) => e.errorType)).toEqual(['orderError']);
      expect(agent.errors[0]!.errorReferences).toContainEqual({ referenceKey: 'orderId', referenceValue: 'two' });
      runUntil('order one done', () => !agent.busy);
      expect(agent.lastNodeId).toBe(route[3]);
      expect(agent.orderActionStates[0]).toMatchObject({ actionId: 'p', actionStatus: 'FAILED' });
      expect(agent.errors.map((e) => e.errorType)).toEqual(['orderError', 'orderActionError']);
      expect(agent.tally).toMatchObject({ ordersAccepted: 1, ordersCompleted: 1, actionsFailed: 1 });
    } finally {
      host.dispose();
    }
  });

  it('honours edge maxSpeed: the robot never drives faster than the lowest maxSpeed released ahead of it', async () => {
    const { host, controller, send } = await brokerless();
    try {
      const robot = robotRows.things(model).find((r) => `n${r.spawnNode}` === router.nodeAtCell(9, 2))!.id;
      const agent = controller.agents[robot]!;
      const far = router.nodeAtCell(20, 2);
      const fastest = (maxSpeed?: number) => {
        const order = orderAlong([agent.lastNodeId, far], []);
        if (maxSpeed !== undefined) (order.edges[0] as { maxSpeed?: number }).maxSpeed = maxSpeed;
        const back = agent.lastNodeId;
        send(robot, 'order', { orderId: `run-${maxSpeed ?? 'free'}-${back}`, orderUpdateId: 0, ...order });
        let top = 0;
        for (let k = 0; k < 30 * 60 && (agent.busy || agent.lastNodeId !== far || k < 6); k += 3) {
          host.advance(3);
          top = Math.max(top, Math.abs(agent.view.speedMps));
        }
        expect(agent.lastNodeId).toBe(far);
        return { top, back };
      };
      const capped = fastest(0.4);
      expect(capped.top).toBeGreaterThan(0.3);
      expect(capped.top).toBeLessThanOrEqual(0.4 + 1e-9);
      // Back to the start, then the same run without a cap: the model's own top speed.
      send(robot, 'order', { orderId: 'back', orderUpdateId: 0, ...orderAlong([far, capped.back], []) });
      for (let k = 0; k < 30 * 60 && (agent.busy || agent.lastNodeId !== capped.back || k < 6); k += 3) host.advance(3);
      const free = fastest();
      expect(free.top).toBeGreaterThan(1);
      expect(agent.errors).toEqual([]);
    } finally {
      host.dispose();
    }
  });

  it('nodes named by the fleet manager’s own ids are found by nodePosition within allowedDeviationXY on this map', async () => {
    const { host, controller, send, runUntil } = await brokerless();
    try {
      const robot = robotRows.things(model).find((r) => `n${r.spawnNode}` === router.nodeAtCell(9, 2))!.id;
      const agent = controller.agents[robot]!;
      const at = (nodeId: string, dx: number) => ({
        x: router.position.get(nodeId)!.x + dx,
        y: router.position.get(nodeId)!.y,
        mapId: model.id,
        allowedDeviationXY: 0.3,
      });
      const start = agent.lastNodeId;
      const end = router.nodeAtCell(13, 2);
      send(robot, 'order', {
        orderId: 'own-ids',
        orderUpdateId: 0,
        nodes: [
          { nodeId: 'HOME', sequenceId: 0, released: true, nodePosition: at(start, 0.1), actions: [] },
          { nodeId: 'DOCK-7', sequenceId: 2, released: true, nodePosition: at(end, -0.2), actions: [] },
        ],
        edges: [{ edgeId: 'HOME-DOCK-7', sequenceId: 1, released: true, startNodeId: 'HOME', endNodeId: 'DOCK-7', actions: [] }],
      });
      runUntil('the order driven', () => agent.tally.ordersCompleted === 1);
      expect(agent.lastNodeId).toBe('DOCK-7');
      expect(`n${agent.view.node}`).toBe(end);
      // 0.4 m off with a 0.3 m allowance: not on the map.
      send(robot, 'order', {
        orderId: 'off',
        orderUpdateId: 0,
        nodes: [{ nodeId: 'X', sequenceId: 0, released: true, nodePosition: at(end, 0.4), actions: [] }],
        edges: [],
      });
      host.advance(3);
      expect(agent.errors.map((e) => [e.errorType, e.errorReferences.find((r) => r.referenceKey === 'nodeId')?.referenceValue])).toEqual([
        ['noRouteError', 'X'],
      ]);
    } finally {
      host.dispose();
    }
  });
});
