import * as THREE from 'three';
import { ARM_FRAME_BOXES } from '../../../sim/page-api.ts';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { KindRendererFactory } from './kind-renderer.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';

const PEDESTAL = new THREE.Color(0x59636e);
const LINK = new THREE.Color(0xe8eef2);
const TOOL = new THREE.Color(0x2b6cb0);
const TOOL_HOLDING = new THREE.Color(0x38a169);

/**
 * Draws every arm with every link posed: the frame section carries 8 boxes per arm (pedestal, up
 * to 6 links, the tool) as world centre, quaternion and half extents, so one unit cube instanced
 * `arms × 8` times, scaled and turned per box, draws them all. The tool turns green while it holds.
 */
export const createArmRenderer: KindRendererFactory = ({ section }) => {
  const f0 = fieldOffset(section, 'b0x');
  const fHolding = fieldOffset(section, 'holding');
  if (f0 < 0) return null;
  const { count, stride } = section;
  const n = count * ARM_FRAME_BOXES;
  const mesh = dynamicInstances(new THREE.BoxGeometry(1, 1, 1), new THREE.MeshLambertMaterial({ color: 0xffffff }), n, LINK, 'arms');
  for (let a = 0; a < count; a++) {
    mesh.setColorAt(a * ARM_FRAME_BOXES, PEDESTAL);
    mesh.setColorAt(a * ARM_FRAME_BOXES + ARM_FRAME_BOXES - 1, TOOL);
  }
  const position = new THREE.Vector3();
  const rotation = new THREE.Quaternion();
  const scale = new THREE.Vector3();
  const matrix = new THREE.Matrix4();
  const holding = new Uint8Array(count);
  return {
    object: mesh,
    pickable: [mesh],
    thingAt: (_object, instance) => (instance >= 0 && instance < n ? Math.floor(instance / ARM_FRAME_BOXES) : -1),
    update(poses: Float32Array) {
      for (let a = 0; a < count; a++) {
        for (let k = 0; k < ARM_FRAME_BOXES; k++) {
          const o = a * stride + f0 + k * 10;
          position.set(poses[o]!, poses[o + 1]!, poses[o + 2]!);
          rotation.set(poses[o + 3]!, poses[o + 4]!, poses[o + 5]!, poses[o + 6]!);
          if (rotation.lengthSq() < 1e-12) rotation.identity();
          scale.set(2 * poses[o + 7]!, 2 * poses[o + 8]!, 2 * poses[o + 9]!);
          mesh.setMatrixAt(a * ARM_FRAME_BOXES + k, matrix.compose(position, rotation, scale));
        }
        const held = fHolding >= 0 && poses[a * stride + fHolding]! > 0 ? 1 : 0;
        if (held !== holding[a]) {
          holding[a] = held;
          mesh.setColorAt(a * ARM_FRAME_BOXES + ARM_FRAME_BOXES - 1, held ? TOOL_HOLDING : TOOL);
          if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
        }
      }
      mesh.instanceMatrix.needsUpdate = true;
    },
    dispose() {
      disposeInstances(mesh);
    },
  };
};
