import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { fieldOffset, sectionOf } from '../shared/frame-fields.ts';
import type { FrameSections, SceneInfo } from '../shared/protocol.ts';
import { HeatmapOverlay } from './heatmap-overlay.ts';
import { nearestFloorPxPerM } from './kinds/screen-size.ts';
import { MovingLayer } from './moving-layer.ts';
import { buildStaticField } from './static-field.ts';

/**
 * The three.js view: renderer, orbit camera, the static field, everything that moves (one
 * renderer per kind, see `kinds/kind-renderers.ts`), the selected robot's ring and route, and the
 * congestion overlay.
 */
export class SceneView {
  readonly renderer: THREE.WebGLRenderer;
  readonly camera = new THREE.PerspectiveCamera(45, 1, 0.1, 2000);
  readonly controls: OrbitControls;
  private readonly root = new THREE.Scene();
  private field: THREE.Group | null = null;
  private moving: MovingLayer | null = null;
  heatmap: HeatmapOverlay | null = null;
  private info: SceneInfo | null = null;
  private readonly ring: THREE.Mesh;
  private readonly route: THREE.Line;
  private robots: Float32Array | null = null;
  /** Where a robot's floats start and its x/z offsets, from the scene's robot section. */
  private robotFields = { stride: 0, x: -1, z: -1 };
  /** Robot the camera follows, or -1. */
  followed = -1;
  private readonly raycaster = new THREE.Raycaster();
  /** Something drawn changed since the last render; unchanged frames are not redrawn. */
  private dirty = true;
  /** A frame's poses were applied since the scene was set (what moves has been placed). */
  private posed = false;
  /**
   * Page-clock milliseconds (from navigation start) when the first render that drew a frame's
   * poses returned, or -1 before it: the page's time to first frame.
   */
  firstPosedRenderMs = -1;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
    this.root.background = new THREE.Color(0x1e293b);
    this.root.add(new THREE.HemisphereLight(0xffffff, 0x475569, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.4);
    sun.position.set(-20, 40, -10);
    this.root.add(sun);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = false;
    this.controls.maxPolarAngle = Math.PI * 0.48;
    this.controls.addEventListener('change', () => (this.dirty = true));
    this.ring = new THREE.Mesh(new THREE.RingGeometry(0.55, 0.7, 32).rotateX(-Math.PI / 2), new THREE.MeshBasicMaterial({ color: 0xf0abfc, depthTest: false }));
    this.ring.renderOrder = 2;
    this.ring.visible = false;
    this.route = new THREE.Line(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: 0xd946ef, depthTest: false }));
    this.route.renderOrder = 2;
    this.route.visible = false;
    this.root.add(this.ring, this.route);
    this.resize();
  }

  /** Replaces the field (a new episode or replay). */
  setScene(info: SceneInfo): void {
    this.clearScene();
    this.info = info;
    const robot = sectionOf(info.sections, 'robot');
    this.robotFields = robot ? { stride: robot.stride, x: fieldOffset(robot, 'x'), z: fieldOffset(robot, 'z') } : { stride: 0, x: -1, z: -1 };
    this.field = buildStaticField(info);
    this.moving = new MovingLayer(info);
    this.heatmap = new HeatmapOverlay(info);
    this.root.add(this.field, this.moving.group, this.heatmap.mesh);
    const w = info.cols * info.cellM;
    const h = info.rows * info.cellM;
    this.controls.target.set(w / 2, 0, h / 2);
    this.camera.position.set(w / 2, Math.max(w, h) * 0.75, h / 2 + Math.max(w, h) * 0.7);
    this.controls.update();
    this.select(-1);
    this.posed = false;
    this.dirty = true;
  }

  /** The field on screen, or null before the first one. */
  get sceneInfo(): SceneInfo | null {
    return this.info;
  }

  /** Instances drawn per kind id (tests check what each kind renderer draws). */
  drawnCounts(): Record<string, number> {
    return this.moving?.drawnCounts() ?? {};
  }

  /** Shows or hides everything of one kind; false if the kind is not drawn. */
  setKindVisible(kind: string, visible: boolean): boolean {
    this.dirty = true;
    return this.moving?.setKindVisible(kind, visible) ?? false;
  }

  /** Poses everything that moves from a frame's sections. */
  setFrame(sections: FrameSections): void {
    this.robots = sections.robot ?? null;
    this.dirty = true;
    this.posed = this.moving !== null;
    this.moving?.update(sections);
    if (this.followed >= 0) {
      const p = this.robotXZ(this.followed);
      if (p) {
        const dx = p.x - this.controls.target.x;
        const dz = p.z - this.controls.target.z;
        this.controls.target.x += dx;
        this.controls.target.z += dz;
        this.camera.position.x += dx;
        this.camera.position.z += dz;
        this.ring.position.set(p.x, 0.02, p.z);
      }
    }
  }

  /** World position of a robot in the latest frame. */
  robotXZ(robot: number): { x: number; z: number } | null {
    const r = this.robots;
    const { stride, x, z } = this.robotFields;
    if (!r || x < 0 || z < 0 || !Number.isInteger(robot) || robot < 0 || (robot + 1) * stride > r.length) return null;
    return { x: r[robot * stride + x]!, z: r[robot * stride + z]! };
  }

  /** Selects (and follows) a robot, or clears the selection with -1. */
  select(robot: number): void {
    this.followed = robot;
    this.ring.visible = robot >= 0;
    if (robot < 0) this.route.visible = false;
    this.dirty = true;
  }

  /** Shows or hides the congestion overlay. */
  showHeatmap(visible: boolean): void {
    if (!this.heatmap) return;
    this.heatmap.mesh.visible = visible;
    this.dirty = true;
  }

  /** Rewrites the congestion texture if it is shown and changed (call at a few hertz). */
  refreshHeatmap(): void {
    if (this.heatmap?.refresh()) this.dirty = true;
  }

  /** Draws a route (x, z pairs) on the floor. */
  setRoute(routeXZ: readonly number[]): void {
    const points: number[] = [];
    for (let i = 0; i + 1 < routeXZ.length; i += 2) points.push(routeXZ[i]!, 0.05, routeXZ[i + 1]!);
    this.route.geometry.dispose();
    this.route.geometry = new THREE.BufferGeometry();
    this.route.geometry.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
    this.route.visible = points.length >= 6 && this.followed >= 0;
    this.dirty = true;
  }

  /** Moves the camera to look at (x, z), keeping its angle and distance. Stops following. */
  jumpTo(x: number, z: number): void {
    this.select(-1);
    const offset = this.camera.position.clone().sub(this.controls.target);
    this.controls.target.set(x, 0, z);
    this.camera.position.copy(this.controls.target).add(offset.setLength(Math.min(offset.length(), 14)));
    this.controls.update();
  }

  /** The robot under a client-space point, or -1. */
  pick(clientX: number, clientY: number): number {
    if (!this.moving) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const hit = this.moving.pick(this.raycaster);
    return hit && hit.kind === 'robot' ? hit.id : -1;
  }

  /** The thing of any pickable kind under a client-space point (`{ kind, id }`), or null. */
  pickThing(clientX: number, clientY: number): { kind: string; id: number } | null {
    if (!this.moving) return null;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    return this.moving.pick(this.raycaster);
  }

  /** Client-space position of a robot (tests click it). */
  screenOf(robot: number): { x: number; y: number } | null {
    const p = this.robotXZ(robot);
    if (!p || !this.info) return null;
    const robots = this.info.kindInfo.robot;
    const h = robots?.shapes[robots.shapeOf[robot] ?? 0]?.heightM ?? 0.3;
    const v = new THREE.Vector3(p.x, h * 0.9, p.z).project(this.camera);
    const rect = this.canvas.getBoundingClientRect();
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  }

  resize(): void {
    const w = this.canvas.clientWidth || 800;
    const h = this.canvas.clientHeight || 600;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.dirty = true;
  }

  /** Draws the scene if anything changed since the last call (poses, camera, overlays, size). */
  render(): void {
    this.controls.update();
    if (!this.dirty) return;
    this.dirty = false;
    this.camera.updateMatrixWorld();
    this.moving?.beforeRender(nearestFloorPxPerM(this.camera, this.renderer.domElement.height));
    this.renderer.render(this.root, this.camera);
    if (this.posed && this.firstPosedRenderMs < 0) {
      this.firstPosedRenderMs = performance.now();
      performance.mark('testfield:first-frame');
    }
  }

  private clearScene(): void {
    if (this.field) {
      this.root.remove(this.field);
      this.field.traverse((o) => {
        if (o instanceof THREE.Mesh || o instanceof THREE.LineSegments) {
          o.geometry.dispose();
          (o.material as THREE.Material).dispose();
        }
      });
    }
    if (this.moving) {
      this.root.remove(this.moving.group);
      this.moving.dispose();
    }
    if (this.heatmap) {
      this.root.remove(this.heatmap.mesh);
      this.heatmap.dispose();
    }
    this.field = null;
    this.moving = null;
    this.heatmap = null;
    this.robots = null;
  }
}
