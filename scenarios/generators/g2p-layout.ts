import { applyOverrides, type ScenarioSpecInput } from '../../sim/index.ts';

/** Parameters of a generated goods-to-person floor (the shape of `warehouse/g2p-small`). */
export interface G2pGeneratorParams {
  /** Columns of 5-wide rack-pod blocks, separated by 2-cell vertical aisles (≥ 1). */
  blockColumns: number;
  /** Horizontal one-way aisles, alternating east/west; bands of pods lie between them (≥ 2). */
  aisles: number;
  /** Pick stations on the south side, 5 cells apart (≥ 1, at most (7·blockColumns − 6) / 5). */
  stations: number;
  /** Fleet size (shelf lifters); beyond the spawn points, robots start on plain floor. */
  robots: number;
  /** Mean order arrivals per simulated hour; defaults to 90 per station, as in g2p-small. */
  ordersPerHour?: number;
  /** Simulated horizon, minutes (default 60). */
  minutes?: number;
}

const BLOCK_WIDTH = 5;
const STATION_PITCH = 5;

/** Largest station count a floor with `blockColumns` block columns has room for. */
export function maxStations(blockColumns: number): number {
  return Math.floor((4 + 7 * blockColumns - 10) / STATION_PITCH);
}

/** Short name of a parameter set, e.g. `c4-a4-s4`. */
export function g2pLayoutName(p: Pick<G2pGeneratorParams, 'blockColumns' | 'aisles' | 'stations'>): string {
  return `c${p.blockColumns}-a${p.aisles}-s${p.stations}`;
}

/**
 * A goods-to-person scenario in the ASCII layout format: spawn row, bands of two-deep pod blocks
 * between alternating one-way aisles, a second spawn row, an eastbound feeder lane, pass-through
 * stations (`v P v`) and a westbound return lane, a charger corridor. With 4 block columns,
 * 4 aisles and 4 stations its floor matches `warehouse/g2p-small` apart from the spawn rows.
 * Pure: the same parameters always give the same spec.
 * @throws RangeError naming the parameter when it is out of range.
 */
export function generateG2pLayout(params: G2pGeneratorParams): ScenarioSpecInput {
  const { blockColumns, aisles, stations, robots } = params;
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new RangeError(message);
  };
  check(Number.isInteger(blockColumns) && blockColumns >= 1 && blockColumns <= 40, `blockColumns must be an integer in 1..40, got ${blockColumns}`);
  check(Number.isInteger(aisles) && aisles >= 2 && aisles <= 40, `aisles must be an integer in 2..40, got ${aisles}`);
  check(Number.isInteger(stations) && stations >= 1 && stations <= maxStations(blockColumns), `stations must be an integer in 1..${maxStations(blockColumns)} for ${blockColumns} block columns, got ${stations}`);
  check(Number.isInteger(robots) && robots >= 1, `robots must be an integer >= 1, got ${robots}`);
  const cols = 4 + (BLOCK_WIDTH + 2) * blockColumns;
  const inner = cols - 2;
  const wall = '#'.repeat(cols);
  const spawnRow = '#' + Array.from({ length: inner }, (_, i) => (i % 2 === 0 && i < inner - 1 ? 'S' : '.')).join('') + '#';
  const lane = (dir: string) => '#.' + dir.repeat(cols - 4) + '.#';
  const racks = '#..' + ('R'.repeat(BLOCK_WIDTH) + '..').repeat(blockColumns) + '#';
  const stationSpan = 4 + STATION_PITCH * stations;
  const rest = cols - 3 - stationSpan - 1;
  const stationRow = (mark: string) => '#..' + '####' + (mark + '####').repeat(stations) + '.'.repeat(rest) + '#';
  const rows = [wall, spawnRow];
  for (let a = 0; a < aisles; a++) {
    rows.push(lane(a % 2 === 0 ? '>' : '<'));
    if (a < aisles - 1) rows.push(racks, racks);
  }
  rows.push(
    spawnRow,
    lane('>'),
    stationRow('v'),
    stationRow('P'),
    stationRow('v'),
    '#..' + '<'.repeat(stationSpan) + '.'.repeat(rest) + '#',
    '#..C.C' + '.'.repeat(cols - 10) + 'C..#',
    '#' + '.'.repeat(inner) + '#',
    wall,
  );
  const pods = (aisles - 1) * 2 * BLOCK_WIDTH * blockColumns;
  const spawns = rows.reduce((n, r) => n + [...r].filter((c) => c === 'S').length, 0);
  const spec: ScenarioSpecInput = {
    id: `warehouse/g2p-gen-${g2pLayoutName(params)}@1`,
    title: `Goods-to-person, generated ${g2pLayoutName(params)}`,
    description: `${blockColumns} block columns, ${aisles} aisles, ${stations} stations, ${pods} rack pods, ${robots} robots.`,
    layout: { rows, cellM: 1 },
    fleet: [{ model: 'shelf-lifter', count: Math.min(robots, spawns) }],
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
    seed: 7,
  };
  return robots > spawns ? applyOverrides(spec, { robots }) : spec;
}
