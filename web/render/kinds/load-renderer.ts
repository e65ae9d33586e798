import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { LoadTypeLook } from '../../shared/protocol.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';
import { ChangedInstances } from './changed-instances.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import { sameYawPose, writeYawMatrix } from './yaw-matrix.ts';

/** A load a robot holds. */
export const HELD_BY_ROBOT_COLOR = 0xf43f5e;
/** A load something other than a robot holds (a conveyor, an arm, …). */
const HELD_BY_OTHER_COLOR = 0x14b8a6;

/** Colour states of a load instance: resting, held by a robot, held by something else. */
const RESTING = 0;
const BY_ROBOT = 1;
const BY_OTHER = 2;

/**
 * Loads: one `InstancedMesh` per load type (pods, totes, pallets … each drawn from its type's
 * boxes in its colour, pods see-through), at their frame position, coloured by who holds them
 * (`holderKind` indexes the frame layout, -1 when resting). Needs the `load` kind info; fields
 * `x`, `y`, `z`, `holderKind`.
 */
export const createLoadRenderer: KindRendererFactory = ({ scene, section }) => {
  const info = scene.kindInfo.load;
  if (!info) return null;
  const { count, stride } = section;
  const fx = fieldOffset(section, 'x');
  const fy = fieldOffset(section, 'y');
  const fz = fieldOffset(section, 'z');
  const fholder = fieldOffset(section, 'holderKind');
  if (fx < 0 || fz < 0) return null;
  const robotKind = scene.sections.findIndex((s) => s.kind === 'robot');
  const group = new THREE.Group();
  group.name = 'kind:load';
  const geometries = info.types.map(lookGeometry);
  const resting = info.types.map((type) => new THREE.Color(type.colorHex));
  const held = [new THREE.Color(HELD_BY_ROBOT_COLOR), new THREE.Color(HELD_BY_OTHER_COLOR)];
  /** members[t][k]: the load drawn as instance k of the mesh of type t. */
  const members: number[][] = info.types.map(() => []);
  for (let l = 0; l < count; l++) members[info.typeOf[l]!]?.push(l);
  const meshes = members.map((list, t) => {
    const type = info.types[t]!;
    const mesh = dynamicInstances(
      geometries[t]!,
      new THREE.MeshLambertMaterial(type.seeThrough ? SEE_THROUGH_MATERIAL : { color: 0xffffff }),
      list.length,
      resting[t]!,
      `loads:${type.id}`,
    );
    group.add(mesh);
    return mesh;
  });
  const lastHeld = new Int8Array(count).fill(-1);
  const moved = meshes.map((mesh, t) => new ChangedInstances(mesh.instanceMatrix, members[t]!.length));
  const recoloured = meshes.map((mesh, t) => new ChangedInstances(mesh.instanceColor!, members[t]!.length));
  const renderer: KindRenderer = {
    object: group,
    pickable: [],
    thingAt: () => -1,
    update(poses) {
      // Only loads that moved (carried) or changed holder are rewritten and uploaded: most rest.
      for (let t = 0; t < members.length; t++) {
        const list = members[t]!;
        const mesh = meshes[t]!;
        const m = mesh.instanceMatrix.array as Float32Array;
        for (let k = 0; k < list.length; k++) {
          const l = list[k]!;
          const o = l * stride;
          const x = poses[o + fx]!;
          const y = fy >= 0 ? poses[o + fy]! : 0;
          const z = poses[o + fz]!;
          if (!sameYawPose(m, k * 16, x, y, z, 1, 0)) {
            writeYawMatrix(m, k * 16, x, y, z, 1, 0);
            moved[t]!.mark(k);
          }
          const holder = fholder >= 0 ? poses[o + fholder]! : -1;
          const state = holder < 0 ? RESTING : holder === robotKind ? BY_ROBOT : BY_OTHER;
          if (state !== lastHeld[l]) {
            lastHeld[l] = state;
            mesh.setColorAt(k, state === RESTING ? resting[t]! : held[state - 1]!);
            recoloured[t]!.mark(k);
          }
        }
        moved[t]!.commit();
        recoloured[t]!.commit();
      }
    },
    dispose() {
      for (const mesh of meshes) disposeInstances(mesh);
    },
  };
  return renderer;
};

/** A load type's boxes merged into one geometry; origin at the floor under its centre. */
function lookGeometry(type: LoadTypeLook): THREE.BufferGeometry {
  const boxes = type.parts.map((p) => new THREE.BoxGeometry(p.sizeXM, p.sizeYM, p.sizeZM).translate(p.xM, p.yM, p.zM));
  return boxes.length === 1 ? boxes[0]! : mergeGeometries(boxes)!;
}

/** See-through types (pods) are drawn so, so robots driving or parked under them stay visible. */
const SEE_THROUGH_MATERIAL = { color: 0xffffff, transparent: true, opacity: 0.55, depthWrite: false } as const;
