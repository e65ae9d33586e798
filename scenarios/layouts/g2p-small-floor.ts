import { buildG2pFloor } from './g2p-floor.ts';

/** The g2p-small floor: 4 × 3 pod blocks (120 pods), 4 pick stations, 20 spawn points. */
export const G2P_SMALL_LAYOUT: readonly string[] = Object.freeze(buildG2pFloor({ blockColumns: 4, bands: 3, stations: 4, spawns: 20 }));
