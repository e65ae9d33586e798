/** The page's arm renderer, without a browser: every link of every arm drawn where the sim poses it. */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { ARM_FRAME_BOXES } from '../../sim/index.ts';
import { MovingLayer } from '../../web/render/moving-layer.ts';
import { sceneFromModel } from '../../web/worker/scene-info.ts';
import { armHost, armSpec, scripted, UR_SUCTION } from '../sim/arm/arm-helpers.ts';

describe('arm renderer', () => {
  it('draws 8 boxes per arm (pedestal, links, tool) at the poses of the frame, following the joints', async () => {
    const host = await armHost(armSpec([UR_SUCTION, { model: 'epson-g6-453s', base: { xM: 2, yM: 0.2, zM: 6 }, tool: 'parallel-jaw' }]), {
      cellController: scripted([{ thing: 'arm', id: 0, kind: 'moveJ', jointsRad: [1, -1, 1, -1, -1, 0] }]),
    });
    const layer = new MovingLayer(sceneFromModel(host.model, 1));
    expect(layer.drawnCounts().arm).toBe(2 * ARM_FRAME_BOXES);
    const mesh = layer.group.getObjectByName('arms') as THREE.InstancedMesh;
    expect(mesh.count).toBe(2 * ARM_FRAME_BOXES);
    const toolAt = () => {
      layer.update(host.frame().sections);
      const m = new THREE.Matrix4();
      mesh.getMatrixAt(ARM_FRAME_BOXES - 1, m);
      return new THREE.Vector3().setFromMatrixPosition(m);
    };
    const before = toolAt();
    const arm = host.frame().sections.arm!;
    const stride = arm.length / 2;
    const b7 = 4 + (ARM_FRAME_BOXES - 1) * 10;
    expect(before.x).toBeCloseTo(arm[b7]!, 5);
    expect(before.z).toBeCloseTo(arm[b7 + 2]!, 5);
    // The SCARA's arm #1 is drawn 0.25 m long plus its radius on each side.
    const m = new THREE.Matrix4();
    mesh.getMatrixAt(ARM_FRAME_BOXES + 1, m);
    const scale = new THREE.Vector3();
    m.decompose(new THREE.Vector3(), new THREE.Quaternion(), scale);
    expect(scale.x).toBeCloseTo(0.35, 5);
    expect(stride).toBe(host.frame().sections.arm!.length / 2);
    host.advance(30 * 3);
    const after = toolAt();
    expect(after.distanceTo(before)).toBeGreaterThan(0.2);
    layer.dispose();
  });
});
