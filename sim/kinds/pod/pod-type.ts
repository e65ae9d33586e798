import { liftedLoadColliders } from '../../kind/lifted-load-colliders.ts';
import type { LoadGeometry, LoadTypeDef } from '../../kind/load-type.ts';

/** A Kiva-style rack pod: a shelf block on four legs, 0.9 m square, lifted from below. */
const POD_GEOMETRY: LoadGeometry = { widthM: 0.9, heightM: 1.9, clearanceM: 0.42, legM: 0.06, massKg: 120 };

/**
 * The pod load type. Its colliders are its shelf block above the clearance (what carried pods,
 * walls and chassis can hit) plus one thin foot plate that only meets the floor, so a set-down pod
 * stands on it while it settles. Chassis (lower than the clearance) pass under resting pods without
 * a single contact pair: two colliders a pod instead of five keeps 1,000-robot floors cheap.
 */
export const podType: LoadTypeDef = {
  id: 'pod',
  char: 'R',
  cellName: 'a rack pod (R)',
  geometry: POD_GEOMETRY,
  restYM: 0,
  colliders: (geo) => liftedLoadColliders(geo, { block: 0.9, foot: 0.1 }, { halfXM: geo.widthM / 2 - geo.legM, halfZM: geo.widthM / 2 - geo.legM }),
  look: {
    label: 'rack pod (see-through)',
    colorHex: 0xd97706,
    seeThrough: true,
    parts(geo) {
      const shelfH = geo.heightM - geo.clearanceM;
      const leg = (geo.widthM - geo.legM) / 2;
      return [
        { sizeXM: geo.widthM, sizeYM: shelfH, sizeZM: geo.widthM, xM: 0, yM: geo.clearanceM + shelfH / 2, zM: 0 },
        ...[
          [1, 1],
          [1, -1],
          [-1, 1],
          [-1, -1],
        ].map(([sx, sz]) => ({ sizeXM: geo.legM, sizeYM: geo.clearanceM, sizeZM: geo.legM, xM: sx! * leg, yM: geo.clearanceM / 2, zM: sz! * leg })),
      ];
    },
  },
};
