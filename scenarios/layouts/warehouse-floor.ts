/** Parameters of {@link buildWarehouseFloor}. Lengths in metres are rounded to whole cells. */
export interface WarehouseFloorParams {
  /** What the storage holds: rack pods (`R`, shelf lifters) or totes on stands (`T`, tote robots). */
  storage: 'R' | 'T';
  /** Storage blocks across the floor, separated by cross-aisles (≥ 1). */
  blockColumns: number;
  /** Storage cells per block along an aisle (≥ 1). */
  blockWidth: number;
  /** Storage rows per band (1 or 2: a tote stand is reached from the aisle north or south of it). */
  rackDepth: 1 | 2;
  /** Bands of storage from north to south; an aisle runs north of the first and south of each (≥ 1). */
  bands: number;
  /** Layout cell size, metres. */
  cellM: number;
  /** Width of the storage aisles (east–west), metres: `round(aisleWidthM / cellM)` lanes, at least one. */
  aisleWidthM: number;
  /** Width of the cross-aisles (north–south) between blocks, metres, like `aisleWidthM`. */
  crossAisleWidthM: number;
  /** One-way rules: single-lane aisles alternate direction; wider ones get one lane each way. */
  oneWay: boolean;
  /** Pick stations on the south side, each at the end of a queue lane. */
  stations: number;
  /** Cells of queue lane in front of each station (≥ 1). */
  queueCells: number;
  /** Chargers (`C`) along the south wall. */
  chargers: number;
  /** Spawn points (`S`) in rows north of the storage. */
  spawns: number;
}

/** What {@link buildWarehouseFloor} made: the rows and what they contain. */
export interface WarehouseFloor {
  rows: string[];
  storageCells: number;
  stations: number;
  chargers: number;
  spawns: number;
}

/**
 * A parametric warehouse floor as ASCII (legend in README.md): spawn rows, then bands of storage
 * blocks between east–west aisles, cross-aisles between blocks, and a station band on the south
 * side where each pick station is fed by its own queue lane; chargers along the south wall. With
 * `oneWay` every aisle and cross-aisle is a one-way lane (alternating, or one lane each way when
 * it is two or more lanes wide); robots may always turn on or off a lane sideways.
 * @throws RangeError naming the parameter that is out of range.
 */
export function buildWarehouseFloor(p: WarehouseFloorParams): WarehouseFloor {
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new RangeError(message);
  };
  const intIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  check(p.storage === 'R' || p.storage === 'T', `storage must be "R" or "T", got ${JSON.stringify(p.storage)}`);
  check(intIn(p.blockColumns, 1, 60), `blockColumns must be an integer in 1..60, got ${p.blockColumns}`);
  check(intIn(p.blockWidth, 1, 40), `blockWidth must be an integer in 1..40, got ${p.blockWidth}`);
  check(p.rackDepth === 1 || p.rackDepth === 2, `rackDepth must be 1 or 2, got ${p.rackDepth}`);
  check(intIn(p.bands, 1, 60), `bands must be an integer in 1..60, got ${p.bands}`);
  check(Number.isFinite(p.cellM) && p.cellM >= 0.5 && p.cellM <= 5, `cellM must be in 0.5..5 m, got ${p.cellM}`);
  check(Number.isFinite(p.aisleWidthM) && p.aisleWidthM > 0 && p.aisleWidthM <= 20, `aisleWidthM must be in (0, 20] m, got ${p.aisleWidthM}`);
  check(
    Number.isFinite(p.crossAisleWidthM) && p.crossAisleWidthM > 0 && p.crossAisleWidthM <= 20,
    `crossAisleWidthM must be in (0, 20] m, got ${p.crossAisleWidthM}`,
  );
  check(intIn(p.queueCells, 1, 20), `queueCells must be an integer in 1..20, got ${p.queueCells}`);
  check(intIn(p.chargers, 0, 500), `chargers must be an integer in 0..500, got ${p.chargers}`);
  check(intIn(p.spawns, 1, 5000), `spawns must be an integer in 1..5000, got ${p.spawns}`);
  const aisleLanes = Math.max(1, Math.round(p.aisleWidthM / p.cellM));
  const crossLanes = Math.max(1, Math.round(p.crossAisleWidthM / p.cellM));
  const inner = crossLanes * (p.blockColumns + 1) + p.blockWidth * p.blockColumns;
  const period = crossLanes + p.blockWidth;
  /** Cross-aisle lane index at inner column c (0..crossLanes-1), or -1 inside a block. */
  const laneIndex = (c: number) => (c % period < crossLanes ? c % period : -1);
  const crossAisle = (c: number) => Math.floor(c / period);
  const verticalChar = (c: number): string => {
    if (!p.oneWay) return '.';
    const lane = laneIndex(c);
    if (crossLanes === 1) return crossAisle(c) % 2 === 0 ? '^' : 'v';
    return lane % 2 === 0 ? '^' : 'v';
  };
  const horizontalChar = (aisle: number, lane: number): string => {
    if (!p.oneWay) return '.';
    if (aisleLanes === 1) return aisle % 2 === 0 ? '>' : '<';
    return lane % 2 === 0 ? '>' : '<';
  };
  const row = (body: string) => `#${body}#`;
  const cols = [...Array(inner).keys()];
  const rows: string[] = ['#'.repeat(inner + 2)];
  const perRow = Math.max(1, Math.floor(inner / 2));
  let spawnsLeft = p.spawns;
  while (spawnsLeft > 0) {
    const n = Math.min(perRow, spawnsLeft);
    spawnsLeft -= n;
    rows.push(row('S.'.repeat(n) + '.'.repeat(inner - 2 * n)));
  }
  let aisle = 0;
  const pushAisle = () => {
    for (let lane = 0; lane < aisleLanes; lane++) rows.push(row(horizontalChar(aisle, lane).repeat(inner)));
    aisle++;
  };
  pushAisle();
  const storageRow = row(cols.map((c) => (laneIndex(c) >= 0 ? verticalChar(c) : p.storage)).join(''));
  for (let b = 0; b < p.bands; b++) {
    for (let d = 0; d < p.rackDepth; d++) rows.push(storageRow);
    pushAisle();
  }
  // Station band: queue lanes into stations; cross-aisles run on through it.
  const blockCols = cols.filter((c) => laneIndex(c) < 0);
  const stationCount = Math.min(p.stations, Math.ceil(blockCols.length / 2));
  check(
    intIn(p.stations, 0, 1000) && p.stations === stationCount,
    `stations must be an integer in 0..${Math.ceil(blockCols.length / 2)} for this floor, got ${p.stations}`,
  );
  const stationCols = new Set<number>();
  for (let k = 0; k < stationCount; k++) stationCols.add(blockCols[Math.floor(((k + 0.5) * blockCols.length) / stationCount)]!);
  const bandRow = (mid: string) => row(cols.map((c) => (laneIndex(c) >= 0 ? verticalChar(c) : stationCols.has(c) ? mid : '#')).join(''));
  if (stationCount > 0) {
    for (let q = 0; q < p.queueCells; q++) rows.push(bandRow(p.oneWay ? 'v' : '.'));
    rows.push(bandRow('P'));
    rows.push(bandRow(p.oneWay ? 'v' : '.'));
    pushAisle();
  }
  const chargerCols = new Set<number>();
  const chargerCount = Math.min(p.chargers, Math.floor(inner / 2));
  for (let k = 0; k < chargerCount; k++) chargerCols.add(Math.floor(((k + 0.5) * inner) / chargerCount));
  if (chargerCount > 0) rows.push(row(cols.map((c) => (chargerCols.has(c) ? 'C' : '.')).join('')));
  if (p.oneWay) pushAisle();
  rows.push('#'.repeat(inner + 2));
  const count = (ch: string) => rows.reduce((n, r) => n + [...r].filter((x) => x === ch).length, 0);
  return { rows, storageCells: count(p.storage), stations: count('P'), chargers: count('C'), spawns: count('S') };
}
