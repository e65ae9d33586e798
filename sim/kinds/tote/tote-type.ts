import type { LoadGeometry, LoadTypeDef } from '../../kind/load-type.ts';
import { CellKind } from '../../model/layout-grid.ts';

/** A plastic tote, 0.6 m wide, 0.35 m tall, carried on a robot's deck. */
const TOTE_GEOMETRY: LoadGeometry = { widthM: 0.6, heightM: 0.35, clearanceM: 0, legM: 0, massKg: 15 };

/** Height at which tote stands hold a tote (robots drive in under it), metres. */
export const TOTE_STAND_HEIGHT_M = 0.4;

/**
 * The tote load type: one box, stored on a fixed two-rail stand a robot drives in under (the
 * rails are on its east and west sides), and set down only on such stands.
 */
export const toteType: LoadTypeDef = {
  id: 'tote',
  char: 'T',
  cellName: 'a tote rack (T)',
  geometry: TOTE_GEOMETRY,
  restYM: TOTE_STAND_HEIGHT_M,
  setDownOnly: { cell: CellKind.ToteRack, what: 'a tote stand (T)' },
  colliders(geo) {
    const half = geo.widthM / 2;
    return [
      {
        halfX: half,
        halfY: geo.heightM / 2,
        halfZ: half * 0.7,
        offsetX: 0,
        offsetY: geo.heightM / 2,
        offsetZ: 0,
        massKg: geo.massKg,
        layer: 'load',
        collidesWith: ['floor', 'static', 'robot', 'load'],
        kinematicContacts: true,
      },
    ];
  },
  fixtures(geo) {
    return [-1, 1].map((side) => ({
      halfX: 0.04,
      halfY: TOTE_STAND_HEIGHT_M / 2,
      halfZ: geo.widthM / 2,
      x: side * (geo.widthM / 2 + 0.02),
      y: TOTE_STAND_HEIGHT_M / 2,
      z: 0,
      layer: 'static',
      collidesWith: ['robot', 'load'],
    }));
  },
  look: {
    label: 'tote',
    colorHex: 0x7c3aed,
    parts: (geo) => [{ sizeXM: geo.widthM, sizeYM: geo.heightM, sizeZM: geo.widthM * 0.7, xM: 0, yM: geo.heightM / 2, zM: 0 }],
  },
};
