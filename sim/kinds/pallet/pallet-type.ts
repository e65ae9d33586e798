import { liftedLoadColliders } from '../../kind/lifted-load-colliders.ts';
import type { LoadGeometry, LoadTypeDef } from '../../kind/load-type.ts';

/**
 * A loaded pallet, 0.8 m square: a wooden pallet (0.144 m, fork pockets 0.1 m high) with goods
 * stacked to 1.2 m, 250 kg. Pallet movers drive their low forks into the pockets and lift it.
 */
const PALLET_GEOMETRY: LoadGeometry = { widthM: 0.8, heightM: 1.2, clearanceM: 0.1, legM: 0.1, massKg: 250 };

/** Height of the pallet's deck boards above its pockets, metres. */
const DECK_M = 0.044;

/**
 * The pallet load type. Like a pod it is lifted from below: one block above the fork pockets (deck
 * and goods: what carried pallets, walls and chassis can hit) and one foot plate that meets only the
 * floor, so a set-down pallet stands while it settles. A chassis lower than the pockets passes under.
 */
export const palletType: LoadTypeDef = {
  id: 'pallet',
  char: 'Q',
  cellName: 'a pallet place (Q)',
  geometry: PALLET_GEOMETRY,
  restYM: 0,
  // Its runners run north-south: the foot plate spans the whole depth.
  colliders: (geo) => liftedLoadColliders(geo, { block: 0.95, foot: 0.05 }, { halfXM: geo.widthM / 2 - geo.legM, halfZM: geo.widthM / 2 }),
  look: {
    label: 'pallet',
    colorHex: 0x65a30d,
    parts(geo) {
      const goodsH = geo.heightM - geo.clearanceM - DECK_M;
      const runner = (geo.widthM - geo.legM) / 2;
      return [
        { sizeXM: geo.widthM, sizeYM: DECK_M, sizeZM: geo.widthM, xM: 0, yM: geo.clearanceM + DECK_M / 2, zM: 0 },
        { sizeXM: geo.widthM * 0.95, sizeYM: goodsH, sizeZM: geo.widthM * 0.95, xM: 0, yM: geo.clearanceM + DECK_M + goodsH / 2, zM: 0 },
        ...[-1, 0, 1].map((s) => ({ sizeXM: geo.legM, sizeYM: geo.clearanceM, sizeZM: geo.widthM, xM: s * runner, yM: geo.clearanceM / 2, zM: 0 })),
      ];
    },
  },
};
