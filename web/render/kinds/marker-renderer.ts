import * as THREE from 'three';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import { ChangedInstances } from './changed-instances.ts';
import { sameYawPose, writeYawMatrix } from './yaw-matrix.ts';

/** Edge of a marker cube, metres. */
const MARKER_SIZE_M = 0.35;

/**
 * The generic renderer of a kind that has no renderer of its own: one small box per thing at
 * its `x`, `z` (and `y` when the kind has it; else resting on the floor), turned to
 * `headX`/`headZ` when present, in a colour derived from the kind's name. Null when the section
 * lacks `x` or `z`.
 */
export const createMarkerRenderer: KindRendererFactory = ({ section }) => {
  const fx = fieldOffset(section, 'x');
  const fy = fieldOffset(section, 'y');
  const fz = fieldOffset(section, 'z');
  const fhx = fieldOffset(section, 'headX');
  const fhz = fieldOffset(section, 'headZ');
  if (fx < 0 || fz < 0) return null;
  const { count, stride } = section;
  const geometry = new THREE.BoxGeometry(MARKER_SIZE_M, MARKER_SIZE_M, MARKER_SIZE_M).translate(0, MARKER_SIZE_M / 2, 0);
  const mesh = dynamicInstances(geometry, new THREE.MeshLambertMaterial({ color: 0xffffff }), count, kindColor(section.kind), `markers:${section.kind}`);
  // Only markers that moved are rewritten and uploaded (10,000 errand goals change a few at a time).
  const moved = new ChangedInstances(mesh.instanceMatrix, count);
  // The kind's object is a group, so hiding the kind (setKindVisible) and the size cut-off (beforeRender) do not overwrite each other.
  const group = new THREE.Group();
  group.add(mesh);
  const renderer: KindRenderer = {
    object: group,
    pickable: [],
    thingAt: () => -1,
    beforeRender(pxPerM) {
      // Markers under a pixel wherever they are in view are not drawn (10,000 errand goals on a map seen whole).
      mesh.visible = MARKER_SIZE_M * pxPerM >= 1;
    },
    update(poses) {
      const m = mesh.instanceMatrix.array as Float32Array;
      for (let i = 0; i < count; i++) {
        const o = i * stride;
        let hx = fhx >= 0 ? poses[o + fhx]! : 1;
        let hz = fhz >= 0 ? poses[o + fhz]! : 0;
        if (!(Math.abs(hx) + Math.abs(hz) > 1e-6)) [hx, hz] = [1, 0];
        const x = poses[o + fx]!;
        const y = fy >= 0 ? poses[o + fy]! : 0;
        const z = poses[o + fz]!;
        if (sameYawPose(m, i * 16, x, y, z, hx, hz)) continue;
        writeYawMatrix(m, i * 16, x, y, z, hx, hz);
        moved.mark(i);
      }
      moved.commit();
    },
    dispose() {
      disposeInstances(mesh);
    },
  };
  return renderer;
};

/** A saturated colour picked by hashing the kind's name, the same on every page load. */
export function kindColor(kind: string): THREE.Color {
  let h = 2166136261;
  for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), 16777619);
  return new THREE.Color().setHSL(((h >>> 0) % 360) / 360, 0.75, 0.55);
}
