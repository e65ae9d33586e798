/**
 * The small goods-to-person floor the editor tests draw on a blank 20 × 12: an aisle loop of
 * one-way lanes (east on row 2, south on column 18, west on row 8, north on column 1) around four
 * 2 × 6 rack blocks with a two-way cross aisle, two pick stations south of the loop, a charger
 * and four robot starts on row 1.
 */
export const SMALL_G2P_ROWS: readonly string[] = [
  '####################',
  '#S.S.S.S.........C.#',
  '#>>>>>>>>>>>>>>>>>v#',
  '#^RRRRRR....RRRRRRv#',
  '#^RRRRRR....RRRRRRv#',
  '#^................v#',
  '#^RRRRRR....RRRRRRv#',
  '#^RRRRRR....RRRRRRv#',
  '#^<<<<<<<<<<<<<<<<<#',
  '#....P......P......#',
  '#..................#',
  '####################',
];

/** The editor's lane-by-drag brush (its button's `data-tool` is `brush:→`). */
export const LANE_BY_DRAG = '→';

/** One drawing step with the mouse: a rectangle (two corners, inclusive) or a single click, with a brush. */
export interface DrawStep {
  ch: string;
  from: { row: number; col: number };
  to?: { row: number; col: number };
}

/** How the e2e test draws {@link SMALL_G2P_ROWS}: rectangles for lanes and racks, clicks for the rest (the robot starts last). */
export const SMALL_G2P_STEPS: readonly DrawStep[] = [
  { ch: '>', from: { row: 2, col: 1 }, to: { row: 2, col: 17 } },
  { ch: 'v', from: { row: 2, col: 18 }, to: { row: 7, col: 18 } },
  // The lane brush: dragged west along row 8 and north up column 1, it lays `<` and `^`.
  { ch: LANE_BY_DRAG, from: { row: 8, col: 18 }, to: { row: 8, col: 2 } },
  { ch: LANE_BY_DRAG, from: { row: 8, col: 1 }, to: { row: 3, col: 1 } },
  { ch: 'R', from: { row: 3, col: 2 }, to: { row: 4, col: 7 } },
  { ch: 'R', from: { row: 3, col: 12 }, to: { row: 4, col: 17 } },
  { ch: 'R', from: { row: 6, col: 2 }, to: { row: 7, col: 7 } },
  { ch: 'R', from: { row: 6, col: 12 }, to: { row: 7, col: 17 } },
  { ch: 'P', from: { row: 9, col: 5 } },
  { ch: 'P', from: { row: 9, col: 12 } },
  { ch: 'C', from: { row: 1, col: 17 } },
  { ch: 'S', from: { row: 1, col: 1 } },
  { ch: 'S', from: { row: 1, col: 3 } },
  { ch: 'S', from: { row: 1, col: 5 } },
];
