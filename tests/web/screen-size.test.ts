/** The size on screen of a metre of the nearest floor in view, which decides when robots show as dots. */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { nearestFloorPxPerM } from '../../web/render/kinds/screen-size.ts';

function camera(at: [number, number, number]): THREE.PerspectiveCamera {
  const c = new THREE.PerspectiveCamera(90, 1.6, 0.1, 2000);
  c.position.set(...at);
  c.lookAt(0, 0, 0);
  c.updateMatrixWorld();
  return c;
}

describe('nearestFloorPxPerM', () => {
  it('looking straight down from 10 m with a 90° view, 600 px tall: 300 px over 10 m of half-height', () => {
    expect(nearestFloorPxPerM(camera([0, 10, 0.0001]), 600)).toBeCloseTo(30, 3);
  });

  it('tilted 45°: the bottom edge looks straight down, at depth 10/√2', () => {
    expect(nearestFloorPxPerM(camera([0, 10, 10]), 600)).toBeCloseTo(300 / (10 / Math.SQRT2), 3);
  });

  it('grows as the camera comes closer, and is infinite when the view does not reach the floor', () => {
    expect(nearestFloorPxPerM(camera([0, 2, 2]), 600)).toBeGreaterThan(nearestFloorPxPerM(camera([0, 200, 200]), 600));
    const up = new THREE.PerspectiveCamera(30, 1, 0.1, 100);
    up.position.set(0, 5, 0);
    up.lookAt(0, 10, 10);
    up.updateMatrixWorld();
    expect(nearestFloorPxPerM(up, 600)).toBe(Number.POSITIVE_INFINITY);
  });
});
