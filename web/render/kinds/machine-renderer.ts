import * as THREE from 'three';
import { MACHINE_STATES } from '../../../sim/page-api.ts';
import { fieldOffset } from '../../shared/frame-fields.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';

/** Machine colours by state, in `MACHINE_STATES` order: idle grey, working green, blocked amber, starved blue, down red, setup violet. */
export const MACHINE_STATE_COLORS: Readonly<Record<(typeof MACHINE_STATES)[number], number>> = {
  idle: 0x9aa3ad,
  working: 0x22c55e,
  blocked: 0xf59e0b,
  starved: 0x60a5fa,
  down: 0xef4444,
  setup: 0xa855f7,
};

const SIZE_M = { x: 0.9, y: 0.8, z: 0.9 };

/** Machines as boxes coloured by their `state` field; pickable (a click opens the machine's state history). */
export const createMachineRenderer: KindRendererFactory = ({ section }) => {
  const fx = fieldOffset(section, 'x');
  const fz = fieldOffset(section, 'z');
  const fs = fieldOffset(section, 'state');
  if (fx < 0 || fz < 0 || fs < 0) return null;
  const { count, stride } = section;
  const colors = MACHINE_STATES.map((s) => new THREE.Color(MACHINE_STATE_COLORS[s]));
  const geometry = new THREE.BoxGeometry(SIZE_M.x, SIZE_M.y, SIZE_M.z).translate(0, SIZE_M.y / 2, 0);
  const mesh = dynamicInstances(geometry, new THREE.MeshLambertMaterial({ color: 0xffffff }), count, colors[0]!, 'kind:machine');
  const shown = new Int16Array(count).fill(-1);
  const matrix = new THREE.Matrix4();
  return {
    object: mesh,
    pickable: [mesh],
    thingAt: (object, instance) => (object === mesh && instance < count ? instance : -1),
    update(poses) {
      for (let i = 0; i < count; i++) {
        const o = i * stride;
        mesh.setMatrixAt(i, matrix.makeTranslation(poses[o + fx]!, 0, poses[o + fz]!));
        const state = poses[o + fs]! | 0;
        if (shown[i] !== state) {
          shown[i] = state;
          mesh.setColorAt(i, colors[state] ?? colors[0]!);
          if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
        }
      }
      mesh.instanceMatrix.needsUpdate = true;
    },
    dispose: () => disposeInstances(mesh),
  } satisfies KindRenderer;
};
