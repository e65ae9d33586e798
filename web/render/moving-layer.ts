import * as THREE from 'three';
import type { FrameSections, SceneInfo } from '../shared/protocol.ts';
import type { KindRenderer } from './kinds/kind-renderer.ts';
import { createKindRenderer } from './kinds/kind-renderers.ts';

/** A thing under the pointer: its kind id and its id within the kind. */
export interface PickedThing {
  kind: string;
  id: number;
}

/**
 * Everything that moves: one {@link KindRenderer} per section of the scene's frame layout, each
 * posed from its own section of a frame. Sections nobody can draw are skipped.
 */
export class MovingLayer {
  readonly group = new THREE.Group();
  private readonly renderers: Array<{ kind: string; renderer: KindRenderer; length: number }> = [];

  constructor(scene: SceneInfo) {
    this.group.name = 'moving';
    for (const section of scene.sections) {
      const renderer = createKindRenderer({ scene, section });
      if (!renderer) continue;
      this.renderers.push({ kind: section.kind, renderer, length: section.count * section.stride });
      this.group.add(renderer.object);
    }
  }

  /** Instances drawn per kind id (every `InstancedMesh` under the kind's renderer), in layout order. */
  drawnCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const { kind, renderer } of this.renderers) {
      let n = 0;
      renderer.object.traverse((o) => {
        if (o instanceof THREE.InstancedMesh) n += o.count;
      });
      out[kind] = n;
    }
    return out;
  }

  /**
   * Poses every kind from its section of `sections`. A missing section, or one of another length
   * (a frame of the previous scene still in flight when the next one is shown), leaves that kind as
   * it was: the next frame of this scene poses it.
   */
  update(sections: FrameSections): void {
    for (const { kind, renderer, length } of this.renderers) {
      const poses = sections[kind];
      if (poses && poses.length === length) renderer.update(poses);
    }
  }

  /** Lets each kind pick its level of detail for a redraw (see `KindRenderer.beforeRender`). */
  beforeRender(pxPerM: number): void {
    for (const { renderer } of this.renderers) renderer.beforeRender?.(pxPerM);
  }

  /** Shows or hides one kind (tests compare pixels with and without it); false if it is not drawn. */
  setKindVisible(kind: string, visible: boolean): boolean {
    const entry = this.renderers.find((r) => r.kind === kind);
    if (entry) entry.renderer.object.visible = visible;
    return entry !== undefined;
  }

  /** The nearest pickable thing the ray hits, or null. */
  pick(raycaster: THREE.Raycaster): PickedThing | null {
    let best: (PickedThing & { distance: number }) | null = null;
    for (const { kind, renderer } of this.renderers) {
      if (renderer.pickable.length === 0) continue;
      for (const o of renderer.pickable) if (o instanceof THREE.InstancedMesh) o.computeBoundingSphere();
      const hit = raycaster.intersectObjects(renderer.pickable as THREE.Object3D[], false)[0];
      if (!hit || hit.instanceId === undefined || (best && best.distance <= hit.distance)) continue;
      const id = renderer.thingAt(hit.object, hit.instanceId);
      if (id >= 0) best = { kind, id, distance: hit.distance };
    }
    return best ? { kind: best.kind, id: best.id } : null;
  }

  dispose(): void {
    for (const { renderer } of this.renderers) renderer.dispose();
    this.renderers.length = 0;
  }
}
