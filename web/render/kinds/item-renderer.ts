import * as THREE from 'three';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import { kindColor } from './marker-renderer.ts';

/** Items on a belt or held, and free ones (falling, lying where they fell). */
const HELD_TINT = 0.85;

/**
 * Items: one `InstancedMesh` of unit boxes, each scaled to its item's size and posed by its full
 * quaternion; parked items (phase 0) are not drawn. Coloured by item type. Needs the fields `x`,
 * `y`, `z`, `qx`…`qw`, `sizeX`…`sizeZ`, `type`, `phase`.
 */
export const createItemRenderer: KindRendererFactory = ({ section }) => {
  const names = ['x', 'y', 'z', 'qx', 'qy', 'qz', 'qw', 'sizeX', 'sizeY', 'sizeZ', 'type', 'phase'] as const;
  const f = Object.fromEntries(names.map((n) => [n, fieldOffset(section, n)])) as Record<(typeof names)[number], number>;
  if (Object.values(f).some((o) => o < 0)) return null;
  const { count, stride } = section;
  const mesh = dynamicInstances(new THREE.BoxGeometry(1, 1, 1), new THREE.MeshLambertMaterial({ color: 0xffffff }), count, new THREE.Color(0xffffff), 'items');
  const m = new THREE.Matrix4();
  const p = new THREE.Vector3();
  const q = new THREE.Quaternion();
  const s = new THREE.Vector3();
  const lastType = new Int16Array(count).fill(-1);
  const palette = (type: number, held: boolean) => kindColor(`item-type-${type}`).multiplyScalar(held ? HELD_TINT : 1);
  const renderer: KindRenderer = {
    object: mesh,
    pickable: [],
    thingAt: () => -1,
    update(poses) {
      let colors = false;
      for (let i = 0; i < count; i++) {
        const o = i * stride;
        const phase = poses[o + f.phase]!;
        if (phase === 0) s.set(0, 0, 0);
        else s.set(poses[o + f.sizeX]!, poses[o + f.sizeY]!, poses[o + f.sizeZ]!);
        p.set(poses[o + f.x]!, poses[o + f.y]!, poses[o + f.z]!);
        q.set(poses[o + f.qx]!, poses[o + f.qy]!, poses[o + f.qz]!, poses[o + f.qw]!);
        mesh.setMatrixAt(i, m.compose(p, q, s));
        const key = poses[o + f.type]! * 4 + phase;
        if (key !== lastType[i]) {
          lastType[i] = key;
          mesh.setColorAt(i, palette(poses[o + f.type]!, phase === 2));
          colors = true;
        }
      }
      mesh.instanceMatrix.needsUpdate = true;
      if (colors && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    },
    dispose() {
      disposeInstances(mesh);
    },
  };
  return renderer;
};
