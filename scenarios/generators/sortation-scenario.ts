import { createRootRng, type ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildSortationFloor, type SortationFloorParams } from '../layouts/sortation-floor.ts';

/** Parameters of {@link generateSortationScenario}. */
export interface SortationScenarioParams extends Omit<SortationFloorParams, 'spawns'> {
  id: string;
  title: string;
  stresses?: string;
  robots: number;
  /** Seconds an operator needs to put a parcel on a robot at an induct. */
  inductSec: number;
  /** Seconds a robot needs to tip its parcel into a chute. */
  tipSec: number;
  /** Parcels in the generated list (reused cyclically). */
  parcels?: number;
  /** Seed of the parcel list (destinations), fixed at generation: the list is part of the spec. */
  parcelSeed?: number;
  minutes?: number;
}

/**
 * A parcel-sortation scenario: every parcel is an errand task — pick it up at an induct (dwell
 * `inductSec`), drop it into its destination chute (dwell `tipSec`). Destinations are uniform
 * over the chutes, inducts round-robin; the pool holds one parcel per robot plus one per induct,
 * so the sorter runs saturated and its throughput is what the fleet and the controller achieve.
 * @throws RangeError naming the parameter when it is out of range.
 */
export function generateSortationScenario(p: SortationScenarioParams): ScenarioSpecInput {
  if (!Number.isInteger(p.robots) || p.robots < 1 || p.robots > 5000) throw new RangeError(`robots must be an integer in 1..5000, got ${p.robots}`);
  const floor = buildSortationFloor({ ...p, spawns: p.robots });
  const rng = createRootRng(p.parcelSeed ?? 1).fork('parcels');
  const parcels = p.parcels ?? 2000;
  const tasks = Array.from({ length: parcels }, (_, k) => [
    floor.inductCells[k % floor.inductCells.length]!,
    floor.chuteCells[rng.int(floor.chuteCells.length)]!,
  ]);
  return {
    id: p.id,
    title: p.title,
    description: `${floor.chuteCells.length} chutes (${p.chuteColumns}×${p.chuteRows}), ${floor.inductCells.length} inducts, ${p.robots} tote-carrier robots, ${p.oneWay ? 'one-way' : 'two-way'} lanes; induct ${p.inductSec} s, tip ${p.tipSec} s per parcel.`,
    ...(p.stresses ? { stresses: p.stresses } : {}),
    layout: { rows: floor.rows, cellM: 1 },
    fleet: [{ model: 'tote-carrier', count: p.robots }],
    // No order stream: the work is the parcels (errands).
    orders: { ratePerHour: 0, skuCount: 1, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 1 },
    errands: { tasks, openTasks: p.robots + floor.inductCells.length, dwellSec: [p.inductSec, p.tipSec] },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: (p.minutes ?? 60) * 60,
    seed: EXAMPLE_SEED,
  };
}
