import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildG2pFloor } from '../layouts/g2p-floor.ts';

/**
 * `warehouse/g2p-medium@1`: goods-to-person with 100 shelf lifters, 480 rack pods (8 × 6 blocks)
 * and 10 pick stations, one simulated hour. 1,800 orders/h offered (1–3 lines, 6 s a line).
 */
export const g2pMedium: ScenarioSpecInput = {
  id: 'warehouse/g2p-medium@1',
  title: 'Goods-to-person, medium',
  description: '100 shelf-lifting robots, 480 rack pods, 10 pick stations, one simulated hour.',
  stresses: '100 shelf-lifters on one-way aisles feeding 10 stations: congestion and station queues',
  layout: { rows: buildG2pFloor({ blockColumns: 8, bands: 6, stations: 10, spawns: 100 }), cellM: 1 },
  fleet: [{ model: 'shelf-lifter', count: 100 }],
  orders: { ratePerHour: 1800, skuCount: 3000, skusPerLoad: 25, linesPerOrder: { min: 1, max: 3 }, pickSecPerLine: 6, backlog: 30 },
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
};
