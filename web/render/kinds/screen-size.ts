import type * as THREE from 'three';

/**
 * Pixels per metre at the nearest floor point the camera shows (the bottom edge of the view), for
 * a perspective camera without roll (the orbit camera): anything on the floor is drawn at most
 * this large per metre. `heightPx` is the drawing buffer's height. Infinity when the bottom edge
 * does not look down at the floor.
 */
export function nearestFloorPxPerM(camera: THREE.PerspectiveCamera, heightPx: number): number {
  const tanHalf = Math.tan((camera.fov * Math.PI) / 360);
  const e = camera.matrixWorld.elements;
  // Camera axes in world space: up is column 1, forward is minus column 2.
  const upY = e[5]!;
  const forwardY = -e[9]!;
  // The bottom edge's ray, scaled to depth 1: forward − up·tan(fov/2); its depth where it meets y = 0.
  const downY = forwardY - upY * tanHalf;
  const heightM = camera.position.y;
  if (!(downY < 0) || !(heightM > 0)) return Number.POSITIVE_INFINITY;
  const depthM = heightM / -downY;
  return heightPx / 2 / (depthM * tanHalf);
}
