import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EXAMPLE_SEED } from '../../sim/index.ts';
import { buildG2pFloor } from '../layouts/g2p-floor.ts';

/** Parameters of a generated goods-to-person scenario (the floor plan of `warehouse/g2p-*`). */
export interface G2pScenarioParams {
  /** Columns of 2 × 5 rack-pod blocks across the floor (≥ 1). */
  blockColumns: number;
  /** Horizontal one-way aisles (≥ 2); the bands of pod blocks lie between them. */
  aisles: number;
  /** Pick stations on the south side (≥ 1, at most {@link maxStations}). */
  stations: number;
  /** Fleet size (shelf lifters); the layout gets one spawn point per robot. */
  robots: number;
  /** Mean order arrivals per simulated hour; defaults to 90 per station, as in g2p-small. */
  ordersPerHour?: number;
  /** Simulated horizon, minutes (default 60). */
  minutes?: number;
}

/** Largest station count the floor with `blockColumns` block columns has room for. */
export function maxStations(blockColumns: number): number {
  const rows = buildG2pFloor({ blockColumns, bands: 1, stations: 1000, spawns: 1 });
  return rows.reduce((n, r) => n + [...r].filter((c) => c === 'P').length, 0);
}

/** Short name of a parameter set, e.g. `c4-a4-s4`. */
export function g2pLayoutName(p: Pick<G2pScenarioParams, 'blockColumns' | 'aisles' | 'stations'>): string {
  return `c${p.blockColumns}-a${p.aisles}-s${p.stations}`;
}

/**
 * A goods-to-person scenario on the `buildG2pFloor` floor plan, sized by parameters for sweeps:
 * `aisles − 1` bands of pod blocks, the given stations and one spawn point per robot. With
 * 4 block columns, 4 aisles, 4 stations and 20 robots the floor is g2p-small's. Pure: the same
 * parameters always give the same spec.
 * @throws RangeError naming the parameter when it is out of range.
 */
export function generateG2pScenario(params: G2pScenarioParams): ScenarioSpecInput {
  const { blockColumns, aisles, stations, robots } = params;
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new RangeError(message);
  };
  check(Number.isInteger(blockColumns) && blockColumns >= 1 && blockColumns <= 40, `blockColumns must be an integer in 1..40, got ${blockColumns}`);
  check(Number.isInteger(aisles) && aisles >= 2 && aisles <= 40, `aisles must be an integer in 2..40, got ${aisles}`);
  const most = maxStations(blockColumns);
  check(
    Number.isInteger(stations) && stations >= 1 && stations <= most,
    `stations must be an integer in 1..${most} for ${blockColumns} block columns, got ${stations}`,
  );
  check(Number.isInteger(robots) && robots >= 1 && robots <= 5000, `robots must be an integer in 1..5000, got ${robots}`);
  const rows = buildG2pFloor({ blockColumns, bands: aisles - 1, stations, spawns: robots });
  const pods = rows.reduce((n, r) => n + [...r].filter((c) => c === 'R').length, 0);
  const name = g2pLayoutName(params);
  return {
    id: `warehouse/g2p-gen-${name}@1`,
    title: `Goods-to-person, generated ${name}`,
    description: `${blockColumns} block columns, ${aisles} aisles, ${stations} stations, ${pods} rack pods, ${robots} robots.`,
    layout: { rows, cellM: 1 },
    fleet: [{ model: 'shelf-lifter', count: robots }],
    orders: {
      ratePerHour: params.ordersPerHour ?? 90 * stations,
      skuCount: 5 * pods,
      skusPerLoad: 20,
      linesPerOrder: { min: 1, max: 3 },
      pickSecPerLine: 6,
      backlog: 8,
    },
    physics: { hz: 30, controlEvery: 3 },
    horizonSec: (params.minutes ?? 60) * 60,
    seed: EXAMPLE_SEED,
  };
}
