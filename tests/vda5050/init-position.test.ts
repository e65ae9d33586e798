/**
 * `initPosition` (an instant action): its parameters are checked against the map, and a right
 * one is still refused with an error saying why (the sim cannot relocate a robot); the vehicle
 * stays where it is and the session goes on.
 */
import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario, SimHost } from '../../sim/index.ts';
import { exportMapJson } from '../../bench/vda5050/export-map.ts';
import { VdaFleetController } from '../../bench/vda5050/vda-fleet-controller.ts';
import { MapRouter } from './map-router.ts';

const spec = findScenario('warehouse/g2p-small')!;
const model = compileScenario(spec, hostCatalog);
const router = new MapRouter(exportMapJson(model));
const serialNumbers = model.robots.map((r) => `r${r.id}`);

describe('initPosition', () => {
  it('checks x, y, theta, mapId and lastNodeId against the map, then refuses with a clear reason; the robot stays put', async () => {
    const host = await SimHost.create(hostCatalog);
    try {
      const controller = new VdaFleetController({ manufacturer: 'T', serialNumbers, schemaVersion: '2.0.0' }, model.id);
      host.load({ spec, controller });
      host.advance(1);
      const agent = controller.agents[0]!;
      const target = router.nodeAtCell(5, 13);
      const at = router.position.get(target)!;
      const params = (over: Record<string, unknown>) => Object.entries({ x: at.x, y: at.y, theta: 0, mapId: model.id, lastNodeId: target, ...over }).filter(([, v]) => v !== undefined).map(([key, value]) => ({ key, value }));
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, `initPosition to ${target}: the simulator cannot relocate a robot yet (no place command); the vehicle stays where it is`],
        [{ theta: undefined }, 'initPosition: parameter "theta" must be a number (got none)'],
        [{ x: 'east' }, 'initPosition: parameter "x" must be a number (got "east")'],
        [{ mapId: 'elsewhere' }, `initPosition: parameter "mapId" is "elsewhere", not this map ("${model.id}")`],
        [{ x: -5 }, `initPosition: position (-5, ${at.y}) is not on a roadmap node of ${model.id} (within half a cell; see "vda5050 export-map")`],
        [{ lastNodeId: 'n0' }, `initPosition: parameter "lastNodeId" is n0 but (${at.x}, ${at.y}) is at ${target}`],
        [{ lastNodeId: 'dock-7' }, 'initPosition: parameter "lastNodeId" "dock-7" is not a roadmap node'],
      ];
      const before = host.frame(true).sections.robot!.slice();
      cases.forEach(([over], k) => {
        const payload = { headerId: k, timestamp: '2026-12-06T12:00:00.000Z', version: '2.0.0', manufacturer: 'T', serialNumber: serialNumbers[0], actions: [{ actionId: `init-${k}`, actionType: 'initPosition', blockingType: 'HARD', actionParameters: params(over) }] };
        controller.inbox.push({ robot: 0, topic: 'instantActions', tag: 0, payload: JSON.stringify(payload) });
      });
      host.advance(30);
      const states = new Map(agent.instantActionStates.map((s) => [s.actionId, s]));
      cases.forEach(([, why], k) => {
        expect(states.get(`init-${k}`), `case ${k}`).toMatchObject({ actionType: 'initPosition', actionStatus: 'FAILED', resultDescription: why });
      });
      expect(agent.errors.map((e) => e.errorType)).toEqual(cases.map(() => 'instantActionError'));
      expect(agent.errors[0]!.errorReferences).toContainEqual({ referenceKey: 'actionId', referenceValue: 'init-0' });
      expect(host.frame(true).sections.robot!).toEqual(before);
    } finally {
      host.dispose();
    }
  });
});
