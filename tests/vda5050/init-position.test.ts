/**
 * `initPosition` (an instant action): its parameters are checked against the map; a right one
 * relocates the robot onto the node at once (the sim's `relocate`), finishes and sets
 * `lastNodeId`; a wrong one, or one onto a node another robot stands on, fails with an error
 * saying why, and the session goes on.
 */
import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario, robotRows, SimHost, type SimEvent } from '../../sim/index.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import { VdaFleetController } from '../../bench/vda5050/vda-fleet-controller.ts';
import { MapRouter } from './map-router.ts';

const spec = findScenario('warehouse/g2p-small')!;
const model = compileScenario(spec, hostCatalog);
const router = new MapRouter(exportMapJson(model));
const serialNumbers = robotRows.things(model).map((r) => `r${r.id}`);

describe('initPosition', () => {
  it('checks x, y, theta, mapId and lastNodeId against the map; a right one relocates the robot, wrong ones fail with a clear reason', async () => {
    const host = await SimHost.create(hostCatalog);
    try {
      const controller = new VdaFleetController({ manufacturer: 'T', serialNumbers, schemaVersion: '2.0.0' }, model.id);
      host.load({ spec, controller });
      host.advance(1);
      const agent = controller.agents[0]!;
      const target = router.nodeAtCell(5, 13);
      const at = router.position.get(target)!;
      const params = (over: Record<string, unknown>) =>
        Object.entries({ x: at.x, y: at.y, theta: 0, mapId: model.id, lastNodeId: target, ...over })
          .filter(([, v]) => v !== undefined)
          .map(([key, value]) => ({ key, value }));
      const send = (id: string, over: Record<string, unknown>, robot = 0) => {
        const payload = {
          headerId: 1,
          timestamp: '2026-12-06T12:00:00.000Z',
          version: '2.0.0',
          manufacturer: 'T',
          serialNumber: serialNumbers[robot],
          actions: [{ actionId: id, actionType: 'initPosition', blockingType: 'HARD', actionParameters: params(over) }],
        };
        controller.inbox.push({ robot, topic: 'instantActions', tag: 0, payload: JSON.stringify(payload) });
      };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ theta: undefined }, 'initPosition: parameter "theta" must be a number (got none)'],
        [{ x: 'east' }, 'initPosition: parameter "x" must be a number (got "east")'],
        [{ mapId: 'elsewhere' }, `initPosition: parameter "mapId" is "elsewhere", not this map ("${model.id}")`],
        [{ x: -5 }, `initPosition: position (-5, ${at.y}) is not on a roadmap node of ${model.id} (within half a cell; see "vda5050 export-map")`],
        [{ lastNodeId: 'n0' }, `initPosition: parameter "lastNodeId" is n0 but (${at.x}, ${at.y}) is at ${target}`],
        [{ lastNodeId: 'dock-7' }, 'initPosition: parameter "lastNodeId" "dock-7" is not a roadmap node'],
      ];
      const before = host.frame(true).sections.robot!.slice();
      cases.forEach(([over], k) => send(`init-${k}`, over));
      host.advance(30);
      const states = new Map(agent.instantActionStates.map((s) => [s.actionId, s]));
      cases.forEach(([, why], k) => {
        expect(states.get(`init-${k}`), `case ${k}`).toMatchObject({ actionType: 'initPosition', actionStatus: 'FAILED', resultDescription: why });
      });
      expect(agent.errors.map((e) => e.errorType)).toEqual(cases.map(() => 'instantActionError'));
      expect(agent.errors[0]!.errorReferences).toContainEqual({ referenceKey: 'actionId', referenceValue: 'init-0' });
      expect(host.frame(true).sections.robot!).toEqual(before);

      // A right one: the robot stands on the node at once, facing theta, and the action finishes.
      send('init-ok', { theta: Math.PI / 2 });
      const events: SimEvent[] = host.advance(30).events;
      const node = Number(target.slice(1));
      const r = robotRows.table(host.state);
      expect(agent.instantActionStates.find((s) => s.actionId === 'init-ok')).toMatchObject({ actionStatus: 'FINISHED' });
      expect(agent.lastNodeId).toBe(target);
      expect([r.posX[0], r.posZ[0]]).toEqual([model.roadmap.nodeX[node], model.roadmap.nodeZ[node]]);
      // theta π/2 is the map's +y, which runs along the sim's −z.
      expect(r.headX[0]).toBeCloseTo(0, 12);
      expect(r.headZ[0]).toBeCloseTo(-1, 12);
      expect(events.filter((e) => e.type === 'robot.relocated').map((e) => (e as { robot: number; node: number }).node)).toEqual([node]);
      const body = host.state.physics.bodyTranslation(0, 0);
      expect([body.x, body.z]).toEqual([model.roadmap.nodeX[node], model.roadmap.nodeZ[node]]);

      // Onto the node robot 0 now stands on: the sim refuses, the vehicle reports it, robot 1 stays put.
      const r1Before = [r.posX[1], r.posZ[1]];
      send('init-taken', {}, 1);
      host.advance(60);
      const agent1 = controller.agents[1]!;
      expect(agent1.instantActionStates.find((s) => s.actionId === 'init-taken')).toMatchObject({ actionStatus: 'FAILED' });
      expect(agent1.errors.at(-1)!.errorDescription).toBe(
        `initPosition to ${target}: the simulator refused to relocate the robot (it is moving, or another robot stands there)`,
      );
      expect([r.posX[1], r.posZ[1]]).toEqual(r1Before);
    } finally {
      host.dispose();
    }
  });
});
