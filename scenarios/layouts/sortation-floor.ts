/** Parameters of {@link buildSortationFloor}. */
export interface SortationFloorParams {
  /** Chutes per chute row (≥ 1). */
  chuteColumns: number;
  /** Rows of chutes (≥ 1); an aisle runs north and south of each. */
  chuteRows: number;
  /** Induct points north of the field (≥ 1, at most one per two chute columns). */
  inducts: number;
  /** Queue cells in front of each induct (default 2). */
  queueCells?: number;
  /** Spawn points (`S`) north of the sorting field. */
  spawns: number;
  /** One-way rules: east–west aisles alternate, the lanes between chutes alternate north and south. */
  oneWay: boolean;
}

/** What {@link buildSortationFloor} made. */
export interface SortationFloor {
  rows: string[];
  /** Induct cells and chute cells (row-major indices), in reading order. */
  inductCells: number[];
  chuteCells: number[];
}

/**
 * A parcel-sortation floor (t-Sort style) as ASCII: a field of chute drop points (`U`) in rows,
 * each chute with a lane on either side and an aisle north and south of its row; north of the
 * field, pass-through induct points (`I`) where operators load parcels, each fed from a feeder
 * aisle by its own queue lane and left southwards into the field; return lanes lead back north
 * between them; spawn rows at the top. Trips are short and every robot crosses the same field, so
 * traffic is heavy.
 * @throws RangeError naming the parameter that is out of range.
 */
export function buildSortationFloor(p: SortationFloorParams): SortationFloor {
  const intIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!intIn(p.chuteColumns, 1, 100)) throw new RangeError(`chuteColumns must be an integer in 1..100, got ${p.chuteColumns}`);
  if (!intIn(p.chuteRows, 1, 100)) throw new RangeError(`chuteRows must be an integer in 1..100, got ${p.chuteRows}`);
  const inductSlots = Math.ceil(p.chuteColumns / 2);
  if (!intIn(p.inducts, 1, inductSlots))
    throw new RangeError(`inducts must be an integer in 1..${inductSlots} for ${p.chuteColumns} chute columns, got ${p.inducts}`);
  if (!intIn(p.queueCells ?? 2, 1, 20)) throw new RangeError(`queueCells must be an integer in 1..20, got ${p.queueCells}`);
  if (!intIn(p.spawns, 1, 5000)) throw new RangeError(`spawns must be an integer in 1..5000, got ${p.spawns}`);
  // Inner columns: lane, chute, lane, chute, …, lane (chutes on odd columns).
  const inner = 2 * p.chuteColumns + 1;
  const cols = [...Array(inner).keys()];
  const row = (body: string) => `#${body}#`;
  const rows: string[] = ['#'.repeat(inner + 2)];
  const perRow = Math.max(1, Math.floor(inner / 2));
  let left = p.spawns;
  while (left > 0) {
    const n = Math.min(perRow, left);
    left -= n;
    rows.push(row('S.'.repeat(n) + '.'.repeat(inner - 2 * n)));
  }
  const lane = (c: number) => (p.oneWay ? ((c / 2) % 2 === 0 ? '^' : 'v') : '.');
  let aisle = 0;
  const pushAisle = () => rows.push(row((p.oneWay ? (aisle++ % 2 === 0 ? '>' : '<') : '.').repeat(inner)));
  pushAisle(); // feeder aisle
  const inductCols = new Set<number>();
  for (let k = 0; k < p.inducts; k++) inductCols.add(1 + 2 * Math.floor(((k + 0.5) * p.chuteColumns) / p.inducts));
  const band = (mid: string) => row(cols.map((c) => (c % 2 === 0 ? lane(c) : inductCols.has(c) ? mid : '#')).join(''));
  for (let q = 0; q < (p.queueCells ?? 2); q++) rows.push(band(p.oneWay ? 'v' : '.'));
  rows.push(band('I'));
  for (let r = 0; r < p.chuteRows; r++) {
    pushAisle();
    rows.push(row(cols.map((c) => (c % 2 === 0 ? lane(c) : 'U')).join('')));
  }
  pushAisle();
  rows.push('#'.repeat(inner + 2));
  const width = inner + 2;
  const cellsOf = (ch: string) => rows.flatMap((r, ri) => [...r].flatMap((c, ci) => (c === ch ? [ri * width + ci] : [])));
  return { rows, inductCells: cellsOf('I'), chuteCells: cellsOf('U') };
}
