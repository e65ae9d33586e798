/**
 * Goods-to-person floor, 32 × 21 cells of 1 m: three bands of four 2 × 5 rack-pod blocks (120
 * pods); horizontal aisles are one-way and alternate east/west, vertical aisles are two cells
 * wide. Four pick stations (`P`) on the south side are passed through north to south: robots
 * enter from the `>` lane, leave south into the return corridor, and go back up the side aisles.
 * Chargers (`C`) sit in the corridor; 20 spawn points (`S`) are spread along two rows.
 */
export const G2P_SMALL_LAYOUT: readonly string[] = [
  '################################',
  '#S.S.S.S.S.S.S.S.S.S.S.S.S.S.S.#',
  '#.>>>>>>>>>>>>>>>>>>>>>>>>>>>>.#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#.<<<<<<<<<<<<<<<<<<<<<<<<<<<<.#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#.>>>>>>>>>>>>>>>>>>>>>>>>>>>>.#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#..RRRRR..RRRRR..RRRRR..RRRRR..#',
  '#.<<<<<<<<<<<<<<<<<<<<<<<<<<<<.#',
  '#S.S.S.S.S.....................#',
  '#.>>>>>>>>>>>>>>>>>>>>>>>>>>>>.#',
  '#..####v####v####v####v####....#',
  '#..####P####P####P####P####....#',
  '#..####v####v####v####v####....#',
  '#..<<<<<<<<<<<<<<<<<<<<<<<<....#',
  '#..C.C......................C..#',
  '#..............................#',
  '################################',
];
