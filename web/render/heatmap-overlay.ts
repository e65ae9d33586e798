import * as THREE from 'three';
import { fieldOffset, sectionOf } from '../shared/frame-fields.ts';
import type { FrameSections, SceneInfo } from '../shared/protocol.ts';
import { flipUvRows } from './static-field.ts';

/** A robot slower than this while driving or following counts as held up in traffic. */
const CONGESTED_BELOW_MPS = 0.15;
/** Frame modes of a robot on its way: drive and follow. */
const MOVING_MODES: readonly number[] = [1, 2];

/**
 * Congestion heat-map: robot-seconds spent held up (driving or following but nearly stopped) per
 * cell, drawn as a translucent texture over the floor, normalised to the hottest cell.
 */
export class HeatmapOverlay {
  readonly mesh: THREE.Mesh;
  private readonly heat: Float32Array;
  private readonly texels: Uint8Array;
  private readonly texture: THREE.DataTexture;
  private dirty = 0;
  /** Cells with any heat, in the order they first got some: a refresh rewrites only these (a 3.4 M-cell map has a few thousand). */
  private touched: number[] = [];
  /** The robot section's stride and field offsets (x, z, speedMps, mode); null without robots. */
  private readonly robot: { stride: number; x: number; z: number; speed: number; mode: number } | null;

  constructor(private readonly scene: SceneInfo) {
    const section = sectionOf(scene.sections, 'robot');
    const at = section
      ? {
          stride: section.stride,
          x: fieldOffset(section, 'x'),
          z: fieldOffset(section, 'z'),
          speed: fieldOffset(section, 'speedMps'),
          mode: fieldOffset(section, 'mode'),
        }
      : null;
    this.robot = at && at.x >= 0 && at.z >= 0 && at.speed >= 0 && at.mode >= 0 ? at : null;
    const { cols, rows, cellM } = scene;
    this.heat = new Float32Array(cols * rows);
    this.texels = new Uint8Array(cols * rows * 4);
    for (let i = 0; i < cols * rows; i++) coolTexel(this.texels, i);
    this.texture = new THREE.DataTexture(this.texels, cols, rows, THREE.RGBAFormat);
    this.texture.magFilter = THREE.LinearFilter;
    this.texture.needsUpdate = true;
    const geometry = new THREE.PlaneGeometry(cols * cellM, rows * cellM);
    geometry.rotateX(-Math.PI / 2);
    flipUvRows(geometry);
    this.mesh = new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthWrite: false }));
    this.mesh.position.set((cols * cellM) / 2, 0.03, (rows * cellM) / 2);
    this.mesh.visible = false;
    this.mesh.name = 'heatmap';
  }

  /** Adds `seconds` of congestion for every held-up robot in the frame. */
  accumulate(sections: FrameSections, seconds: number): void {
    const f = this.robot;
    const robots = sections.robot;
    if (!f || !robots) return;
    const { cols, rows, cellM } = this.scene;
    for (let o = 0; o + f.stride <= robots.length; o += f.stride) {
      const mode = robots[o + f.mode]!;
      if ((mode !== MOVING_MODES[0] && mode !== MOVING_MODES[1]) || Math.abs(robots[o + f.speed]!) >= CONGESTED_BELOW_MPS) continue;
      const c = Math.floor(robots[o + f.x]! / cellM);
      const r = Math.floor(robots[o + f.z]! / cellM);
      if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
      const cell = r * cols + c;
      if (this.heat[cell] === 0 && seconds > 0) this.touched.push(cell);
      this.heat[cell]! += seconds;
    }
    this.dirty += 1;
  }

  /** Rewrites the texture if visible and anything was added (call at a few hertz); true if it did. */
  refresh(): boolean {
    if (!this.mesh.visible || this.dirty === 0) return false;
    this.dirty = 0;
    let max = 0;
    for (const cell of this.touched) if (this.heat[cell]! > max) max = this.heat[cell]!;
    // Untouched cells keep the transparent texels they were created with.
    for (const i of this.touched) {
      const v = max > 0 ? Math.sqrt(this.heat[i]! / max) : 0;
      this.texels[i * 4] = 255;
      this.texels[i * 4 + 1] = Math.round(220 * (1 - v));
      this.texels[i * 4 + 2] = 0;
      this.texels[i * 4 + 3] = v > 0.02 ? Math.round(60 + 150 * v) : 0;
    }
    this.texture.needsUpdate = true;
    return true;
  }

  clear(): void {
    for (const i of this.touched) coolTexel(this.texels, i);
    this.touched = [];
    this.heat.fill(0);
    this.dirty += 1;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as THREE.Material).dispose();
    this.texture.dispose();
  }
}

/** A cell without heat: the colour of no congestion, fully transparent (filtering next to hot cells blends toward it). */
function coolTexel(texels: Uint8Array, i: number): void {
  texels[i * 4] = 255;
  texels[i * 4 + 1] = 220;
  texels[i * 4 + 2] = 0;
  texels[i * 4 + 3] = 0;
}
