import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { hostCatalog } from '../../robots/index.ts';
import {
  builtinKinds,
  frameLayout,
  KindIndex,
  loadRows,
  SimHost,
  validateScenario,
  type FleetController,
  type RobotCommand,
  type RobotModelSpec,
  type ScenarioSpecInput,
} from '../../sim/index.ts';
import { MovingLayer } from '../../web/render/moving-layer.ts';
import { sceneFromModel } from '../../web/worker/scene-info.ts';
import { makeSpec } from '../helpers/make-host.ts';

/** A pallet mover: low forks (0.06 m, under a pallet's 0.1 m pockets), lifts 5 cm. Defined here, not in robots/. */
const palletMover: RobotModelSpec = {
  id: 'pallet-mover',
  handles: 'pallet',
  footprint: { lengthM: 0.7, widthM: 0.5, heightM: 0.06 },
  massKg: 180,
  payloadKg: 1000,
  maxSpeedMps: 1.2,
  maxAccelMps2: 0.8,
  maxTurnRps: 1.2,
  liftHeightM: 0.05,
  liftSec: 2,
  safety: { stopDistanceM: 0.08, slowDistanceM: 1.0 },
  battery: { capacityWh: 2000, idleW: 40, drivingWPerMps: 200, chargeW: 1200 },
};
const catalog = { ...hostCatalog, 'pallet-mover': palletMover };

const LAYOUT = ['#########', '#S......#', '#.......#', '#..Q.Q..#', '#.......#', '#...P...#', '#########'];
const spec = (patch: Partial<ScenarioSpecInput> = {}) => makeSpec(LAYOUT, { fleet: [{ model: 'pallet-mover', count: 1 }], horizonSec: 60, ...patch });

/**
 * Fetches pallet 0, carries it to the station's node, sets it down there, drives back to the
 * pallet's home. Decides from the observation alone, so a restored run goes on where it was.
 */
function palletShuttle(): FleetController {
  return {
    name: 'pallet-shuttle',
    decide(o): RobotCommand[] {
      const robot = o.robots[0]!;
      const pallet = o.loads[0]!;
      if (robot.mode !== 'hold') return [];
      const at = (node: number) => robot.atNode && robot.node === node;
      const station = o.stations[0]!.node;
      if (robot.carrying !== null) return at(station) ? [{ kind: 'drop', robot: 0 }] : [{ kind: 'goto', robot: 0, node: station }];
      if (pallet.node === pallet.homeNode) return at(pallet.homeNode) ? [{ kind: 'lift', robot: 0 }] : [{ kind: 'goto', robot: 0, node: pallet.homeNode }];
      return at(pallet.homeNode) ? [] : [{ kind: 'goto', robot: 0, node: pallet.homeNode }];
    },
  };
}

async function palletHost(controller: FleetController = palletShuttle(), patch: Partial<ScenarioSpecInput> = {}): Promise<SimHost> {
  const host = await SimHost.create(catalog);
  host.load({ spec: spec(patch), controller });
  return host;
}

const advanceTo = (host: SimHost, tick: number) => {
  const events = [];
  while (host.tick < tick && !host.done) events.push(...host.advance(Math.min(300, tick - host.tick)).events);
  return events;
};

/**
 * The pallet kind is one folder (`sim/kinds/pallet/`) plus a line in the built-in kinds list: it
 * declares a load type, and the load kind, the hash, snapshots, frames and the page take it up.
 */
describe('a new load type: pallets', () => {
  it('is registered by its kind folder alone: the registry lists it after pods and totes, with its layout character', () => {
    expect(builtinKinds.loadTypes.map((t) => t.id)).toEqual(['pod', 'tote', 'pallet']);
    expect(builtinKinds.legend.Q).toMatchObject({ kind: 'pallet' });
  });

  it('is compiled: a load on every Q cell, stored there, with its geometry and mass', async () => {
    const host = await palletHost();
    expect(loadRows.things(host.model).map((l) => [l.kind, l.massKg])).toEqual([
      ['pallet', 250],
      ['pallet', 250],
    ]);
    expect(loadRows.fields(host.model).storageNodes).toHaveLength(2);
    expect(host.state.physics.bodyPose(KindIndex.Load, 1)).toMatchObject({ x: 5.5, y: 0, z: 3.5 });
  });

  it('is carried by a robot model that handles pallets: lifted, driven to the station and set down there', async () => {
    const host = await palletHost();
    const events = advanceTo(host, host.model.horizonTicks);
    expect(events.filter((e) => e.type === 'command.rejected')).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['load.lifted', 'load.dropped']));
    const station = host.model.roadmap;
    const at = host.state.physics.bodyPose(KindIndex.Load, 0);
    const node = loadRows.table(host.state).node[0]!;
    expect([station.nodeX[node], station.nodeZ[node]]).toEqual([4.5, 5.5]);
    expect(at.x).toBeCloseTo(4.5, 2);
    expect(at.z).toBeCloseTo(5.5, 2);
    // The forks passed under the other pallet's block on the way: no contact with walls or loads.
    expect(host.kpis().collisions.total).toBe(0);
  });

  it('is refused to a robot model that handles another type, and a model naming an unknown type is a spec error', async () => {
    const host = await SimHost.create(catalog);
    let done = false;
    host.load({
      spec: makeSpec(['#######', '#S....#', '#..Q..#', '#..R..#', '#..P..#', '#######']),
      controller: {
        name: 'lift-pallet',
        decide(o) {
          const r = o.robots[0]!;
          if (done || r.mode !== 'hold') return [];
          const pallet = o.loads.find((l) => l.kind === 'pallet')!;
          if (r.atNode && r.node === pallet.homeNode) return ((done = true), [{ kind: 'lift', robot: 0 }]);
          return [{ kind: 'goto', robot: 0, node: pallet.homeNode }];
        },
      },
    });
    const rejected = advanceTo(host, 30 * 20).filter((e) => e.type === 'command.rejected');
    expect(rejected).toEqual([expect.objectContaining({ robot: 0, reason: 'robot 0 (shelf-lifter) cannot lift a pallet' })]);
    const issues = validateScenario(makeSpec(LAYOUT, { fleet: [{ model: 'pallet-jack', count: 1 }] }), {
      ...catalog,
      'pallet-jack': { ...palletMover, id: 'pallet-jack', handles: 'palet' },
    });
    expect(issues).toEqual([{ path: 'fleet[0].model(pallet-jack).handles', message: 'no load type "palet"; known: pod, tote, pallet' }]);
    const noPlaces = validateScenario(
      makeSpec(
        LAYOUT.map((r) => r.replace(/Q/g, 'R')),
        { fleet: [{ model: 'pallet-mover', count: 1 }] },
      ),
      catalog,
    );
    expect(noPlaces).toEqual([{ path: 'fleet', message: 'robots that carry pallets but the layout has no pallet place (Q)' }]);
  });

  it('is hashed: its loads and bodies are part of the state hash', async () => {
    const withPallets = await palletHost();
    const plain = await SimHost.create(catalog);
    plain.load({ spec: spec({ layout: { rows: LAYOUT.map((r) => r.replace('Q.Q', 'Q..')), cellM: 1 } }), controller: palletShuttle() });
    expect(withPallets.hash()).not.toBe(plain.hash());
    const before = withPallets.hash();
    loadRows.table(withPallets.state).task[1] = 7;
    expect(withPallets.hash()).not.toBe(before);
  });

  it('is snapshotted: restored mid-carry, the run ends with the uninterrupted hash', async () => {
    const straight = await palletHost();
    advanceTo(straight, straight.model.horizonTicks);
    const first = await palletHost();
    const events = advanceTo(first, 30 * 12);
    expect(events.map((e) => e.type)).toContain('load.lifted');
    expect(loadRows.table(first.state).holderKind[0]).toBe(KindIndex.Robot);
    const snapshot = first.snapshot();
    const second = await palletHost();
    second.restore(structuredClone(snapshot));
    expect(second.hash()).toBe(first.hash());
    advanceTo(second, second.model.horizonTicks);
    expect(second.hash()).toBe(straight.hash());
  });

  it('is framed: the load section carries each pallet, raised by the forks while held', async () => {
    const host = await palletHost();
    const load = frameLayout(host.model).find((s) => s.kind === 'load')!;
    expect([load.count, load.stride, load.fields]).toEqual([2, 5, ['x', 'y', 'z', 'holderKind', 'holderId']]);
    expect(Array.from(host.frame().sections.load!)).toEqual([3.5, 0, 3.5, -1, -1, 5.5, 0, 3.5, -1, -1]);
    advanceTo(host, 30 * 12);
    const held = host.frame().sections.load!;
    expect([held[1], held[3], held[4]]).toEqual([Math.fround(0.05), KindIndex.Robot, 0]);
  });

  it('is drawn: the page makes one instanced mesh of pallets from its look, at the frame positions, in its colour', async () => {
    const host = await palletHost();
    const scene = sceneFromModel(host.model, 1);
    expect(scene.kindInfo.load!.types.map((t) => t.id)).toEqual(['pod', 'tote', 'pallet']);
    expect(Array.from(scene.kindInfo.load!.typeOf)).toEqual([2, 2]);
    const layer = new MovingLayer(scene);
    layer.update(host.frame().sections);
    const mesh = layer.group.getObjectByName('loads:pallet') as THREE.InstancedMesh;
    expect(mesh).toBeInstanceOf(THREE.InstancedMesh);
    expect(mesh.count).toBe(2);
    mesh.geometry.computeBoundingBox();
    const size = mesh.geometry.boundingBox!.getSize(new THREE.Vector3());
    expect([size.x, size.y, size.z].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.8, 1.2, 0.8]);
    const m = new THREE.Matrix4();
    mesh.getMatrixAt(1, m);
    expect(new THREE.Vector3().setFromMatrixPosition(m).toArray()).toEqual([5.5, 0, 3.5]);
    const colour = new THREE.Color();
    mesh.getColorAt(0, colour);
    expect(colour.getHex()).toBe(0x65a30d);
    expect((layer.group.getObjectByName('loads:pod') as THREE.InstancedMesh).count).toBe(0);
    layer.dispose();
  });
});
