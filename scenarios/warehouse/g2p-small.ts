import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { G2P_SMALL_LAYOUT } from '../layouts/g2p-small-floor.ts';

/**
 * `warehouse/g2p-small@1`: goods-to-person with 20 shelf-lifting robots bringing rack pods to four
 * pick stations for one simulated hour. Orders arrive as a Poisson stream (360/h, 1–3 lines,
 * ABC-skewed over 600 SKUs); a picker needs 6 s per line.
 */
export const g2pSmall: ScenarioSpecInput = {
  id: 'warehouse/g2p-small@1',
  title: 'Goods-to-person, small',
  description: '20 shelf-lifting robots, 120 rack pods, 4 pick stations, one simulated hour.',
  stresses: 'order flow through 4 stations with 20 shelf-lifters; light traffic',
  layout: { rows: [...G2P_SMALL_LAYOUT], cellM: 1 },
  fleet: [{ model: 'shelf-lifter', count: 20 }],
  orders: {
    ratePerHour: 360,
    skuCount: 600,
    skusPerLoad: 20,
    linesPerOrder: { min: 1, max: 3 },
    pickSecPerLine: 6,
    backlog: 8,
  },
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
};
