/** Parameters of {@link buildG2pFloor}. */
export interface G2pFloorParams {
  /** Rack-pod blocks (2 × 5 pods each) across the floor. */
  blockColumns: number;
  /** Bands of blocks from north to south; each band adds two pod rows and a one-way aisle. */
  bands: number;
  /** Pick stations along the south side (at most one per 5 columns). */
  stations: number;
  /** Spawn points wanted; spawn rows are added north of the storage until there are enough. */
  spawns: number;
}

/**
 * The goods-to-person floor plan of `warehouse/g2p-*` as ASCII (legend in README.md). Traffic is
 * one-way almost everywhere, so opposing flows never meet head-on: horizontal aisles alternate
 * east and west; every vertical aisle is a northbound and a southbound lane side by side (the
 * outer walls too). Pods stand in 2 × 5 blocks; empty-handed robots may cut under them. Pass-through
 * pick stations on the south side are fed by an eastbound lane and drained into a westbound and an
 * eastbound return lane; the northbound lanes cross the station band, so returns spread out. Spawn points fill rows in the north, on every other cell.
 */
export function buildG2pFloor(p: G2pFloorParams): string[] {
  const inner = 4 + p.blockColumns * 7 - 2;
  const wall = '#'.repeat(inner + 2);
  const row = (body: string) => `#${body}#`;
  /** Vertical lane character at inner column c: '^' on the west lane of an aisle, 'v' on the east lane. */
  const laneAt = (c: number): string | null => {
    if (c === 0) return '^';
    if (c === 1) return 'v';
    if (c === inner - 2) return '^';
    if (c === inner - 1) return 'v';
    const k = (c - 2) % 7;
    return k === 5 ? '^' : k === 6 ? 'v' : null;
  };
  const across = (fill: string) => row([...Array(inner).keys()].map((c) => laneAt(c) ?? fill).join(''));
  const rows: string[] = [wall];
  const perRow = Math.floor(inner / 2);
  const spawnRows = Math.max(1, Math.ceil(p.spawns / perRow));
  let spawnsLeft = p.spawns;
  for (let s = 0; s < spawnRows; s++) {
    const n = Math.min(perRow, spawnsLeft);
    spawnsLeft -= n;
    rows.push(row('S.'.repeat(n) + '.'.repeat(inner - 2 * n)));
  }
  rows.push(row('>'.repeat(inner)));
  const pods = row([...Array(inner).keys()].map((c) => laneAt(c) ?? 'R').join(''));
  for (let b = 0; b < p.bands; b++) {
    rows.push(pods, pods);
    rows.push(row((b % 2 === 0 ? '<' : '>').repeat(inner)));
  }
  rows.push(across('.'));
  rows.push(row('>'.repeat(inner)));
  // Stations sit in block columns; every northbound lane runs on through the station band so
  // robots leaving a station can head north at the nearest aisle.
  const blockCols = [...Array(inner).keys()].filter((c) => laneAt(c) === null && c > 2 && c < inner - 3);
  const count = Math.max(1, Math.min(p.stations, Math.floor(blockCols.length / 3)));
  const stationCols = new Set<number>();
  for (let k = 0; k < count; k++) stationCols.add(blockCols[Math.floor(((k + 0.5) * blockCols.length) / count)]!);
  const stationRow = (mid: string) =>
    row([...Array(inner).keys()].map((c) => (laneAt(c) === '^' || c === 1 || c === inner - 1 ? laneAt(c)! : stationCols.has(c) ? mid : '#')).join(''));
  rows.push(stationRow('v'), stationRow('P'), stationRow('v'));
  rows.push(row('<'.repeat(inner)));
  rows.push(row(`^v${'C.'.repeat(2)}${'.'.repeat(inner - 9)}C^v`));
  rows.push(row('>'.repeat(inner)));
  rows.push(wall);
  return rows;
}
