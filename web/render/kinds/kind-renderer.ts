import type * as THREE from 'three';
import type { FrameSectionLayout } from '../../../sim/page-api.ts';
import type { SceneInfo } from '../../shared/protocol.ts';

/** What a renderer factory is given: the whole field and the frame section of its kind. */
export interface KindRenderContext {
  scene: SceneInfo;
  /** This kind's section of the frame layout (`count` things, `stride` floats each, `fields`). */
  section: FrameSectionLayout;
}

/** Draws every thing of one kind from that kind's frame section. */
export interface KindRenderer {
  /** Added to the scene once; the renderer poses its children in {@link update}. */
  readonly object: THREE.Object3D;
  /** Poses every thing from its section of a frame (`count * stride` floats, fields by name). */
  update(poses: Float32Array): void;
  /** Objects a click may hit (robots are picked this way); empty when not pickable. */
  readonly pickable: readonly THREE.Object3D[];
  /** Id of the thing drawn as `instance` of `object` (one of `pickable`), or -1. */
  thingAt(object: THREE.Object3D, instance: number): number;
  /**
   * Optional, before each redraw: `pxPerM` is the largest size on screen of a metre of floor in
   * view (`nearestFloorPxPerM`), so a kind can skip meshes too small to see (10,000 robots on a
   * map seen whole).
   */
  beforeRender?(pxPerM: number): void;
  dispose(): void;
}

/** Makes the renderer of one kind, or null when the scene lacks what it needs (a generic one is used then). */
export type KindRendererFactory = (context: KindRenderContext) => KindRenderer | null;
