import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildG2pFloor } from '../layouts/g2p-floor.ts';

/**
 * `warehouse/g2p-large@1`: goods-to-person at fleet scale: 1,000 shelf lifters, 2,800 rack pods
 * (20 × 14 blocks) and 28 pick stations, one simulated hour; 15,000 orders/h offered.
 */
export const g2pLarge: ScenarioSpecInput = {
  id: 'warehouse/g2p-large@1',
  title: 'Goods-to-person, large',
  description: '1000 shelf-lifting robots, 2800 rack pods, 28 pick stations, one simulated hour.',
  stresses: '1000 robots: planner and physics scale',
  layout: { rows: buildG2pFloor({ blockColumns: 20, bands: 14, stations: 28, spawns: 1000 }), cellM: 1 },
  fleet: [{ model: 'shelf-lifter', count: 1000 }],
  orders: { ratePerHour: 15000, skuCount: 20000, skusPerLoad: 30, linesPerOrder: { min: 1, max: 3 }, pickSecPerLine: 6, backlog: 200 },
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
};
