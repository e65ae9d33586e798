import { buildG2pLayout } from './g2p-layout.ts';

/** The g2p-small floor: 4 × 3 pod blocks (120 pods), 4 pick stations, 20 spawn points. */
export const G2P_SMALL_LAYOUT: readonly string[] = Object.freeze(buildG2pLayout({ blockColumns: 4, bands: 3, stations: 4, spawns: 20 }));
