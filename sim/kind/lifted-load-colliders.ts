import type { BoxColliderDesc } from '../physics/physics-builder.ts';
import type { LoadGeometry } from './load-type.ts';

/**
 * Colliders of a load lifted from below (a pod, a pallet): the block above its clearance (what
 * carried loads, walls and chassis can hit: a chassis lower than the clearance passes under it
 * without a contact pair), and one thin foot plate of half extents `foot` that meets only the
 * floor, so a set-down load stands on it while it settles. Each gets its share of the mass (both
 * given, so that each product is exact).
 */
export function liftedLoadColliders(
  geo: LoadGeometry,
  massShare: { readonly block: number; readonly foot: number },
  foot: { readonly halfXM: number; readonly halfZM: number },
): BoxColliderDesc[] {
  const half = geo.widthM / 2;
  const blockHalfY = (geo.heightM - geo.clearanceM) / 2;
  const footHalfY = 0.01;
  return [
    {
      halfX: half,
      halfY: blockHalfY,
      halfZ: half,
      offsetX: 0,
      offsetY: geo.clearanceM + blockHalfY,
      offsetZ: 0,
      massKg: geo.massKg * massShare.block,
      layer: 'load',
      collidesWith: ['static', 'robot', 'load'],
      kinematicContacts: true,
    },
    {
      halfX: foot.halfXM,
      halfY: footHalfY,
      halfZ: foot.halfZM,
      offsetX: 0,
      offsetY: footHalfY,
      offsetZ: 0,
      massKg: geo.massKg * massShare.foot,
      layer: 'load-foot',
      collidesWith: ['floor'],
    },
  ];
}
