import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { MODE_COLORS } from '../colors.ts';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';
import { ChangedInstances } from './changed-instances.ts';
import { disposeInstances, dynamicInstances } from './instanced.ts';
import { ROBOT_DOT_PX, RobotDots } from './robot-dots.ts';

/** Robot meshes are drawn while the nearest robot in view is at least this share of a dot's size (the dots take over below). */
const MESH_CUTOFF_SHARE = 0.5;
import { sameYawPose, writeYawMatrix } from './yaw-matrix.ts';

/**
 * Robots: one `InstancedMesh` per robot model (chassis box with a dark front bumper), turned to
 * the heading and coloured by mode, and a dot of a few pixels for each robot too small on screen
 * to see (`RobotDots`: a whole large map in view). Needs the `robot` kind info (shapes); fields `x`, `z`,
 * `headX`, `headZ`, `mode`.
 */
export const createRobotRenderer: KindRendererFactory = ({ scene, section }) => {
  const info = scene.kindInfo.robot;
  if (!info || info.shapes.length === 0) return null;
  const { count, stride } = section;
  const fx = fieldOffset(section, 'x');
  const fz = fieldOffset(section, 'z');
  const fhx = fieldOffset(section, 'headX');
  const fhz = fieldOffset(section, 'headZ');
  const fmode = fieldOffset(section, 'mode');
  if (fx < 0 || fz < 0) return null;
  const modeColors = MODE_COLORS.map((c) => new THREE.Color(c));
  const group = new THREE.Group();
  group.name = 'kind:robot';
  /** members[s][k]: the robot drawn as instance k of mesh s. */
  const members: number[][] = info.shapes.map(() => []);
  for (let i = 0; i < count; i++) members[Math.min(info.shapeOf[i] ?? 0, info.shapes.length - 1)]!.push(i);
  const meshes = info.shapes.map((shape, s) => {
    const material = new THREE.MeshLambertMaterial({ vertexColors: true });
    const mesh = dynamicInstances(
      robotGeometry(shape.lengthM, shape.widthM, shape.heightM),
      material,
      members[s]!.length,
      modeColors[0]!,
      `robots:${shape.modelId}`,
    );
    group.add(mesh);
    return mesh;
  });
  const heights = info.shapes.map((s) => s.heightM / 2);
  const sizeM = Math.max(...info.shapes.map((s) => Math.max(s.lengthM, s.widthM)));
  const dots = new RobotDots(count, sizeM);
  group.add(dots.points);
  const lastMode = new Int8Array(count).fill(-1);
  const moved = meshes.map((mesh, s) => new ChangedInstances(mesh.instanceMatrix, members[s]!.length));
  const recoloured = meshes.map((mesh, s) => new ChangedInstances(mesh.instanceColor!, members[s]!.length));
  const renderer: KindRenderer = {
    object: group,
    pickable: meshes,
    thingAt(object, instance) {
      const s = meshes.indexOf(object as THREE.InstancedMesh);
      return s < 0 ? -1 : (members[s]![instance] ?? -1);
    },
    beforeRender(pxPerM) {
      // Every robot in view smaller than its dot: the meshes (48 vertices a robot) are skipped, the dots show them.
      const meshesVisible = sizeM * pxPerM >= ROBOT_DOT_PX * MESH_CUTOFF_SHARE;
      for (const mesh of meshes) mesh.visible = meshesVisible;
    },
    update(poses) {
      // Only robots that moved or changed mode are rewritten and uploaded: a parked fleet costs a compare per robot.
      for (let s = 0; s < members.length; s++) {
        const list = members[s]!;
        const mesh = meshes[s]!;
        const m = mesh.instanceMatrix.array as Float32Array;
        const y = heights[s]!;
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          const o = i * stride;
          const x = poses[o + fx]!;
          const z = poses[o + fz]!;
          const hx = fhx >= 0 ? poses[o + fhx]! : 1;
          const hz = fhz >= 0 ? poses[o + fhz]! : 0;
          if (!sameYawPose(m, k * 16, x, y, z, hx, hz)) {
            writeYawMatrix(m, k * 16, x, y, z, hx, hz);
            moved[s]!.mark(k);
            dots.place(i, x, y * 2, z);
          }
          const mode = fmode >= 0 ? poses[o + fmode]! | 0 : 0;
          if (mode !== lastMode[i]) {
            lastMode[i] = mode;
            mesh.setColorAt(k, modeColors[mode] ?? modeColors[0]!);
            recoloured[s]!.mark(k);
            dots.paint(i, MODE_COLORS[mode] ?? MODE_COLORS[0]!);
          }
        }
        moved[s]!.commit();
        recoloured[s]!.commit();
      }
      dots.commit();
    },
    dispose() {
      for (const mesh of meshes) disposeInstances(mesh);
      dots.dispose();
    },
  };
  return renderer;
};

/** A chassis box (length along +x) with a dark bumper strip at the front, vertex-coloured. */
function robotGeometry(lengthM: number, widthM: number, heightM: number): THREE.BufferGeometry {
  const body = new THREE.BoxGeometry(lengthM, heightM, widthM);
  const bumper = new THREE.BoxGeometry(lengthM * 0.12, heightM * 1.02, widthM * 1.02).translate(lengthM * 0.45, 0, 0);
  paint(body, 0xffffff);
  paint(bumper, 0x1f2937);
  return mergeGeometries([body, bumper])!;
}

function paint(geometry: THREE.BufferGeometry, hex: number): void {
  const c = new THREE.Color(hex);
  const n = geometry.getAttribute('position').count;
  const colors = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) colors.set([c.r, c.g, c.b], i * 3);
  geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
}
