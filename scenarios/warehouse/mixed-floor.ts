import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildG2pFloor } from '../layouts/g2p-floor.ts';

/** The mixed floor: 3 × 2 pod blocks (60 pods), 3 pick stations, 12 spawn points. */
const MIXED_FLOOR_LAYOUT: readonly string[] = Object.freeze(buildG2pFloor({ blockColumns: 3, bands: 2, stations: 3, spawns: 12 }));

/**
 * `warehouse/mixed-floor@1`: goods-to-person with people on the floor. Twelve shelf lifters share
 * the floor with two pickers on foot (one walking the cross-aisle north of the stations, crossing
 * four robot lanes; one restocking and a forklift shuttling along the row south of the stations, between the
 * stations' return lanes. Robots' safety fields see people and keep 0.5 m (0.8 m for the
 * forklift) clear; people give way to robots driving at them.
 */
export const mixedFloor: ScenarioSpecInput = {
  id: 'warehouse/mixed-floor@1',
  title: 'Mixed floor: robots, pickers and a forklift',
  description: '12 shelf lifters, 60 rack pods, 3 pick stations, two pickers and a forklift walking their own routes; one simulated hour.',
  stresses: 'robots sharing aisles with people: safety-field stops, separation, near misses, time lost to people',
  layout: { rows: [...MIXED_FLOOR_LAYOUT], cellM: 1 },
  fleet: [{ model: 'shelf-lifter', count: 12 }],
  orders: {
    ratePerHour: 240,
    skuCount: 300,
    skusPerLoad: 20,
    linesPerOrder: { min: 1, max: 3 },
    pickSecPerLine: 6,
    backlog: 6,
  },
  people: {
    nearMissM: 0.25,
    walkers: [
      {
        role: 'picker',
        route: [
          { row: 9, col: 3 },
          { row: 9, col: 21 },
        ],
        pauseSec: 10,
      },
      {
        role: 'picker',
        route: [
          { row: 15, col: 6 },
          { row: 15, col: 11 },
        ],
        speedMps: 1.0,
        pauseSec: 15,
      },
      {
        role: 'forklift',
        route: [
          { row: 15, col: 13 },
          { row: 15, col: 20 },
        ],
        speedMps: 1.2,
        pauseSec: 20,
      },
    ],
  },
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
};
