import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildWarehouseFloor, type WarehouseFloorParams } from '../layouts/warehouse-floor.ts';

/** Parameters of {@link generateWarehouseScenario}: a floor, a fleet and an order stream. */
export interface WarehouseScenarioParams {
  id: string;
  title: string;
  stresses?: string;
  floor: Omit<WarehouseFloorParams, 'spawns'>;
  /** Robot model id (`shelf-lifter` for `R` storage, `tote-carrier` for `T`). */
  robotModel: string;
  robots: number;
  ordersPerHour: number;
  linesPerOrder?: { min: number; max: number };
  pickSecPerLine?: number;
  backlog?: number;
  minutes?: number;
  seed?: number;
}

/**
 * A warehouse scenario on a {@link buildWarehouseFloor} floor: one spawn point per robot, SKUs
 * spread five to a storage location, orders as a Poisson stream. Pure: same parameters, same spec.
 * @throws RangeError naming the parameter when it is out of range.
 */
export function generateWarehouseScenario(p: WarehouseScenarioParams): ScenarioSpecInput {
  if (!Number.isInteger(p.robots) || p.robots < 1 || p.robots > 5000) throw new RangeError(`robots must be an integer in 1..5000, got ${p.robots}`);
  const floor = buildWarehouseFloor({ ...p.floor, spawns: p.robots });
  if (floor.stations < 1) throw new RangeError('stations must be at least 1 for an order-picking scenario');
  const f = p.floor;
  return {
    id: p.id,
    title: p.title,
    description: `${f.blockColumns}×${f.bands} blocks of ${f.blockWidth}×${f.rackDepth} ${f.storage === 'T' ? 'tote stands' : 'rack pods'} (${floor.storageCells}), aisles ${f.aisleWidthM} m, cross-aisles ${f.crossAisleWidthM} m, ${f.oneWay ? 'one-way' : 'two-way'}, ${floor.stations} stations with ${f.queueCells}-cell queues, ${floor.chargers} chargers, ${p.robots} ${p.robotModel} robots.`,
    ...(p.stresses ? { stresses: p.stresses } : {}),
    layout: { rows: floor.rows, cellM: f.cellM },
    fleet: [{ model: p.robotModel, count: p.robots }],
    orders: {
      ratePerHour: p.ordersPerHour,
      skuCount: 5 * floor.storageCells,
      skusPerLoad: 10,
      linesPerOrder: p.linesPerOrder ?? { min: 1, max: 3 },
      pickSecPerLine: p.pickSecPerLine ?? 6,
      backlog: p.backlog ?? 8,
    },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: (p.minutes ?? 60) * 60,
    seed: p.seed ?? EXAMPLE_SEED,
  };
}
