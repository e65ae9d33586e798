import * as THREE from 'three';
import { fieldOffset } from '../../shared/frame-fields.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';

const SIZE_M = { x: 0.5, y: 1.0, z: 0.7 };

/**
 * Buffers as a pale frame box with a fill bar inside whose height is `fill / capacity`:
 * empty at the floor, full at the top (amber when full).
 */
export const createBufferRenderer: KindRendererFactory = ({ section }) => {
  const fx = fieldOffset(section, 'x');
  const fz = fieldOffset(section, 'z');
  const ff = fieldOffset(section, 'fill');
  const fc = fieldOffset(section, 'capacity');
  if (fx < 0 || fz < 0 || ff < 0 || fc < 0) return null;
  const { count, stride } = section;
  const group = new THREE.Group();
  group.name = 'kind:buffer';
  const frameGeometry = new THREE.BoxGeometry(SIZE_M.x, SIZE_M.y, SIZE_M.z).translate(0, SIZE_M.y / 2, 0);
  const frames = dynamicInstances(
    frameGeometry,
    new THREE.MeshLambertMaterial({ color: 0xffffff, transparent: true, opacity: 0.25 }),
    count,
    new THREE.Color(0xcbd5e1),
    'buffer:frame',
  );
  const fillGeometry = new THREE.BoxGeometry(SIZE_M.x * 0.8, 1, SIZE_M.z * 0.8).translate(0, 0.5, 0);
  const fills = dynamicInstances(fillGeometry, new THREE.MeshLambertMaterial({ color: 0xffffff }), count, new THREE.Color(0x0ea5e9), 'buffer:fill');
  group.add(frames, fills);
  const partial = new THREE.Color(0x0ea5e9);
  const full = new THREE.Color(0xf59e0b);
  const matrix = new THREE.Matrix4();
  return {
    object: group,
    pickable: [],
    thingAt: () => -1,
    update(poses) {
      for (let i = 0; i < count; i++) {
        const o = i * stride;
        const x = poses[o + fx]!;
        const z = poses[o + fz]!;
        const share = Math.min(1, Math.max(0, poses[o + ff]! / Math.max(1, poses[o + fc]!)));
        frames.setMatrixAt(i, matrix.makeTranslation(x, 0, z));
        fills.setMatrixAt(i, matrix.makeScale(1, Math.max(1e-3, share * SIZE_M.y), 1).setPosition(x, 0, z));
        fills.setColorAt(i, share >= 1 ? full : partial);
      }
      frames.instanceMatrix.needsUpdate = true;
      fills.instanceMatrix.needsUpdate = true;
      if (fills.instanceColor) fills.instanceColor.needsUpdate = true;
    },
    dispose() {
      disposeInstances(frames);
      disposeInstances(fills);
    },
  } satisfies KindRenderer;
};
