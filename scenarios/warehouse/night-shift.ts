import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildG2pFloor } from '../layouts/g2p-floor.ts';

/** The night-shift floor: 3 × 2 pod blocks (60 pods), 3 pick stations, 3 chargers south of them, 10 spawn points. */
const NIGHT_SHIFT_LAYOUT: readonly string[] = Object.freeze(buildG2pFloor({ blockColumns: 3, bands: 2, stations: 3, spawns: 10 }));

/**
 * `warehouse/night-shift@1`: goods-to-person through the night on batteries that matter. Ten shelf
 * lifters with small 100 Wh packs start between 25 % and 85 % charge, drain by distance, load and
 * idle time, and share three 1.5 kW chargers (queues of up to three robots each). The fleet
 * controller must send robots to charge before they run flat; a robot that does is stranded.
 */
export const nightShift: ScenarioSpecInput = {
  id: 'warehouse/night-shift@1',
  title: 'Night shift: batteries and chargers',
  description: '10 shelf lifters on 100 Wh batteries, 3 chargers with queues, 60 rack pods, 3 pick stations; one simulated hour.',
  stresses: 'battery drain and charging: robots must charge in time; charge-related downtime, robots stranded',
  layout: { rows: [...NIGHT_SHIFT_LAYOUT], cellM: 1 },
  fleet: [{ model: 'shelf-lifter', count: 10 }],
  orders: {
    ratePerHour: 200,
    skuCount: 300,
    skusPerLoad: 20,
    linesPerOrder: { min: 1, max: 3 },
    pickSecPerLine: 6,
    backlog: 6,
  },
  batteries: { capacityWh: 100, startSocPct: { min: 25, max: 85 }, loadWPerKgMps: 0.5, lowSocPct: 30, fullSocPct: 90 },
  chargers: { powerW: 1500, queueCapacity: 3 },
  physics: { hz: 30, controlEvery: 3 },
  horizonSec: 3600,
  seed: EXAMPLE_SEED,
};
