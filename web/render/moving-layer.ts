import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { LOAD_STRIDE, ROBOT_STRIDE } from '../../sim/index.ts';
import type { SceneInfo } from '../shared/protocol.ts';
import { MODE_COLORS } from './colors.ts';

/**
 * Robots (one `InstancedMesh` per robot model) and loads (one per load kind), posed from flat
 * frame arrays. Matrices are written straight into the instance buffers: no per-robot objects.
 */
export class MovingLayer {
  readonly group = new THREE.Group();
  /** Robot meshes by shape index; `robotIndex[s][k]` is the robot drawn as instance k. */
  readonly robotMeshes: THREE.InstancedMesh[] = [];
  private readonly robotIndex: number[][] = [];
  private readonly instanceOf: Int32Array;
  private readonly loadMeshes: THREE.InstancedMesh[] = [];
  private readonly loadIndex: number[][] = [[], []];
  private readonly heights: number[];
  private readonly modeColors = MODE_COLORS.map((c) => new THREE.Color(c));
  private readonly lastMode: Int8Array;
  private readonly lastCarried: Int8Array;
  private readonly liftedColor = new THREE.Color(0xf43f5e);
  private readonly restingColors = [new THREE.Color(0xd97706), new THREE.Color(0x7c3aed)];

  constructor(private readonly scene: SceneInfo) {
    const robots = scene.robotShape.length;
    this.instanceOf = new Int32Array(robots);
    this.lastMode = new Int8Array(robots).fill(-1);
    this.heights = scene.shapes.map((s) => s.heightM);
    scene.shapes.forEach((shape, s) => {
      const members: number[] = [];
      scene.robotShape.forEach((shapeOf, i) => {
        if (shapeOf === s) {
          this.instanceOf[i] = members.length;
          members.push(i);
        }
      });
      const mesh = new THREE.InstancedMesh(robotGeometry(shape.lengthM, shape.widthM, shape.heightM), new THREE.MeshLambertMaterial({ vertexColors: true }), Math.max(1, members.length));
      mesh.count = members.length;
      mesh.name = `robots:${shape.modelId}`;
      mesh.frustumCulled = false;
      mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
      for (let k = 0; k < members.length; k++) mesh.setColorAt(k, this.modeColors[0]!);
      this.robotMeshes.push(mesh);
      this.robotIndex.push(members);
      this.group.add(mesh);
    });
    scene.loadKind.forEach((kind, l) => this.loadIndex[kind]!.push(l));
    const geometries = [podGeometry(scene.pod), toteGeometry(scene.tote)];
    this.lastCarried = new Int8Array(scene.loadKind.length).fill(-1);
    for (let kind = 0; kind < 2; kind++) {
      const members = this.loadIndex[kind]!;
      const mesh = new THREE.InstancedMesh(geometries[kind]!, new THREE.MeshLambertMaterial({ color: 0xffffff }), Math.max(1, members.length));
      mesh.count = members.length;
      mesh.frustumCulled = false;
      mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
      for (let k = 0; k < members.length; k++) mesh.setColorAt(k, this.restingColors[kind]!);
      this.loadMeshes.push(mesh);
      this.group.add(mesh);
    }
  }

  /** Robot id of instance `instance` of mesh `mesh`, or -1. */
  robotOf(mesh: THREE.Object3D, instance: number): number {
    const s = this.robotMeshes.indexOf(mesh as THREE.InstancedMesh);
    return s < 0 ? -1 : (this.robotIndex[s]![instance] ?? -1);
  }

  /** Poses every robot and load from a frame. */
  update(robots: Float32Array, loads: Float32Array): void {
    this.robotIndex.forEach((members, s) => {
      const mesh = this.robotMeshes[s]!;
      const m = mesh.instanceMatrix.array as Float32Array;
      const y = this.heights[s]! / 2;
      let colors = false;
      for (let k = 0; k < members.length; k++) {
        const i = members[k]!;
        const o = i * ROBOT_STRIDE;
        writeYawMatrix(m, k * 16, robots[o]!, y, robots[o + 1]!, robots[o + 2]!, robots[o + 3]!);
        const mode = robots[o + 5]! | 0;
        if (mode !== this.lastMode[i]) {
          this.lastMode[i] = mode;
          mesh.setColorAt(k, this.modeColors[mode] ?? this.modeColors[0]!);
          colors = true;
        }
      }
      mesh.instanceMatrix.needsUpdate = true;
      if (colors && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    });
    const lifted = this.liftedColor;
    const resting = this.restingColors;
    this.loadIndex.forEach((members, kind) => {
      const mesh = this.loadMeshes[kind]!;
      const m = mesh.instanceMatrix.array as Float32Array;
      let colors = false;
      for (let k = 0; k < members.length; k++) {
        const l = members[k]!;
        const o = l * LOAD_STRIDE;
        writeYawMatrix(m, k * 16, loads[o]!, loads[o + 1]!, loads[o + 2]!, 1, 0);
        const carried = loads[o + 3]! >= 0 ? 1 : 0;
        if (carried !== this.lastCarried[l]) {
          this.lastCarried[l] = carried;
          mesh.setColorAt(k, carried ? lifted : resting[kind]!);
          colors = true;
        }
      }
      mesh.instanceMatrix.needsUpdate = true;
      if (colors && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    });
  }

  dispose(): void {
    for (const mesh of [...this.robotMeshes, ...this.loadMeshes]) {
      mesh.geometry.dispose();
      (mesh.material as THREE.Material).dispose();
      mesh.dispose();
    }
  }
}

/** Column-major matrix turning local +x onto the heading (hx, hz) about +y, then translating. */
function writeYawMatrix(m: Float32Array, o: number, x: number, y: number, z: number, hx: number, hz: number): void {
  m[o] = hx;
  m[o + 1] = 0;
  m[o + 2] = hz;
  m[o + 3] = 0;
  m[o + 4] = 0;
  m[o + 5] = 1;
  m[o + 6] = 0;
  m[o + 7] = 0;
  m[o + 8] = -hz;
  m[o + 9] = 0;
  m[o + 10] = hx;
  m[o + 11] = 0;
  m[o + 12] = x;
  m[o + 13] = y;
  m[o + 14] = z;
  m[o + 15] = 1;
}

/** A chassis box (length along +x) with a dark bumper strip at the front, vertex-coloured. */
function robotGeometry(lengthM: number, widthM: number, heightM: number): THREE.BufferGeometry {
  const body = new THREE.BoxGeometry(lengthM, heightM, widthM);
  const bumper = new THREE.BoxGeometry(lengthM * 0.12, heightM * 1.02, widthM * 1.02).translate(lengthM * 0.45, 0, 0);
  paint(body, 0xffffff);
  paint(bumper, 0x1f2937);
  return mergeGeometries([body, bumper])!;
}

/** A pod: the shelf block above the clearance and four legs; origin at the floor. */
function podGeometry(pod: SceneInfo['pod']): THREE.BufferGeometry {
  const w = pod.widthM;
  const shelfH = pod.heightM - pod.clearanceM;
  const parts = [new THREE.BoxGeometry(w, shelfH, w).translate(0, pod.clearanceM + shelfH / 2, 0)];
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
    parts.push(new THREE.BoxGeometry(0.06, pod.clearanceM, 0.06).translate((sx * (w - 0.06)) / 2, pod.clearanceM / 2, (sz * (w - 0.06)) / 2));
  }
  return mergeGeometries(parts)!;
}

function toteGeometry(tote: SceneInfo['tote']): THREE.BufferGeometry {
  return new THREE.BoxGeometry(tote.widthM, tote.heightM, tote.widthM * 0.7).translate(0, tote.heightM / 2, 0);
}

function paint(geometry: THREE.BufferGeometry, hex: number): void {
  const c = new THREE.Color(hex);
  const n = geometry.getAttribute('position').count;
  const colors = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) colors.set([c.r, c.g, c.b], i * 3);
  geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
}
