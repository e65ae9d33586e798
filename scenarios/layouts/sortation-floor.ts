/** Parameters of {@link buildSortationFloor}. */
export interface SortationFloorParams {
  /** Chutes per chute row (≥ 1). */
  chuteColumns: number;
  /** Rows of chutes (≥ 1); an aisle runs north and south of each. */
  chuteRows: number;
  /** Induct points along the west side (≥ 1, at most one per chute row and aisle). */
  inducts: number;
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
 * each chute with a lane on either side and an aisle north and south, and induct points (`I`)
 * along the west side where operators load parcels; spawn rows in the north. Trips are short and
 * every robot crosses the same field, so traffic is heavy.
 * @throws RangeError naming the parameter that is out of range.
 */
export function buildSortationFloor(p: SortationFloorParams): SortationFloor {
  const intIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!intIn(p.chuteColumns, 1, 100)) throw new RangeError(`chuteColumns must be an integer in 1..100, got ${p.chuteColumns}`);
  if (!intIn(p.chuteRows, 1, 100)) throw new RangeError(`chuteRows must be an integer in 1..100, got ${p.chuteRows}`);
  const inductSlots = 2 * p.chuteRows + 1;
  if (!intIn(p.inducts, 1, inductSlots)) throw new RangeError(`inducts must be an integer in 1..${inductSlots} for ${p.chuteRows} chute rows, got ${p.inducts}`);
  if (!intIn(p.spawns, 1, 5000)) throw new RangeError(`spawns must be an integer in 1..5000, got ${p.spawns}`);
  // Inner columns: induct column, a west spine lane, then (lane, chute) pairs and a last lane.
  const inner = 2 + 2 * p.chuteColumns + 1;
  const row = (body: string) => `#${body}#`;
  const rows: string[] = ['#'.repeat(inner + 2)];
  const perRow = Math.max(1, Math.floor((inner - 2) / 2));
  let left = p.spawns;
  while (left > 0) {
    const n = Math.min(perRow, left);
    left -= n;
    rows.push(row('##' + 'S.'.repeat(n) + '.'.repeat(inner - 2 - 2 * n)));
  }
  // Field rows: aisle, chute row, aisle, … ; inducts spread over them evenly.
  const fieldRows = inductSlots;
  const inductAt = new Set<number>();
  for (let k = 0; k < p.inducts; k++) inductAt.add(Math.floor(((k + 0.5) * fieldRows) / p.inducts));
  let aisle = 0;
  for (let f = 0; f < fieldRows; f++) {
    const west = inductAt.has(f) ? 'I' : '#';
    const spine = p.oneWay ? 'v' : '.';
    if (f % 2 === 0) {
      const dir = p.oneWay ? (aisle++ % 2 === 0 ? '>' : '<') : '.';
      rows.push(row(west + spine + dir.repeat(inner - 2)));
    } else {
      let body = west + spine;
      for (let k = 0; k < p.chuteColumns; k++) body += (p.oneWay ? (k % 2 === 0 ? '^' : 'v') : '.') + 'U';
      body += p.oneWay ? (p.chuteColumns % 2 === 0 ? '^' : 'v') : '.';
      rows.push(row(body));
    }
  }
  rows.push('#'.repeat(inner + 2));
  const cols = inner + 2;
  const cellsOf = (ch: string) => rows.flatMap((r, ri) => [...r].flatMap((c, ci) => (c === ch ? [ri * cols + ci] : [])));
  return { rows, inductCells: cellsOf('I'), chuteCells: cellsOf('U') };
}
