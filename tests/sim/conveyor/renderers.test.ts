import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { frameLayout } from '../../../sim/index.ts';
import { createKindRenderer } from '../../../web/render/kinds/kind-renderers.ts';
import { sceneFromModel } from '../../../web/worker/scene-info.ts';
import { conveyorSpec } from '../../fixtures/conveyor-line.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { drop, itemAt } from './conveyor-helpers.ts';

/** The page's item and conveyor renderers, fed real frames (no browser). */
describe('item and conveyor renderers', () => {
  it('draw belts (with direction arrows, coloured when blocked) and items at their poses; parked items are hidden', async () => {
    const conveyors = [
      { id: 'C1', path: { from: { x: 2, z: 3 }, to: { x: 5, z: 3 } }, widthM: 0.4, heightM: 0.8, speedMps: 0.5 },
      { id: 'C2', path: { center: { x: 8, z: 4 }, radiusM: 1, startDeg: 90, sweepDeg: -180 }, widthM: 0.4, heightM: 0.8, speedMps: 0.5 },
    ];
    const host = await makeHost({ spec: conveyorSpec({ conveyors, events: [drop(0, 3, 3)] }) });
    runCollect(host, 30 * 8);
    const scene = sceneFromModel(host.model, 1);
    const frame = host.frame();
    const renderers = Object.fromEntries(frameLayout(host.model).map((section) => [section.kind, createKindRenderer({ scene, section })!]));
    for (const [kind, r] of Object.entries(renderers)) r.update(frame.sections[kind]!);

    const items = renderers.item!.object as THREE.InstancedMesh;
    expect(items.name).toBe('items');
    const m = new THREE.Matrix4();
    const p = new THREE.Vector3();
    const q = new THREE.Quaternion();
    const s = new THREE.Vector3();
    items.getMatrixAt(0, m);
    m.decompose(p, q, s);
    const at = itemAt(host, 0);
    expect([p.x, p.y, p.z]).toEqual([expect.closeTo(at.x, 5), expect.closeTo(at.y, 5), expect.closeTo(at.z, 5)]);
    expect([s.x, s.y, s.z]).toEqual([expect.closeTo(0.3, 5), expect.closeTo(0.2, 5), expect.closeTo(0.2, 5)]);
    items.getMatrixAt(1, m);
    expect(m.elements.slice(0, 11).every((v) => v === 0)).toBe(true); // parked: scaled to nothing

    const belts = renderers.conveyor!.object as THREE.Group;
    const meshes = belts.children.filter((c) => c.name.startsWith('conveyor:')) as THREE.Mesh[];
    expect(meshes).toHaveLength(2);
    expect(belts.children.length).toBeGreaterThan(2 + 4); // chevrons: 3 m and 3.1 m of belt
    const box = new THREE.Box3().setFromObject(meshes[1]!);
    expect(box.max.y).toBeCloseTo(0.8, 5);
    expect(box.max.x).toBeCloseTo(9.2, 2); // the arc's far side: centre 8 + radius 1 + half width
    // C1's front item stands at its end: blocked colour; C2 runs empty
    expect((meshes[0]!.material as THREE.MeshLambertMaterial).color.getHex()).toBe(0xb45309);
    expect((meshes[1]!.material as THREE.MeshLambertMaterial).color.getHex()).toBe(0x374151);
    for (const r of Object.values(renderers)) r.dispose();
  });
});
