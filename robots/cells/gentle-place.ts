/**
 * An example user cell controller: the built-in pick-and-place cell, letting go 1 cm above the
 * surface instead of 3 mm. Any `robots/cells/*.ts` module with a default factory appears in the
 * page's Cell picker and runs headless with `--cell-controller robots/cells/gentle-place.ts`.
 */
import type { CellController } from '../../sim/index.ts';
import { createPickPlaceCell } from '../arms/index.ts';

export default function createGentlePlaceCell(): CellController {
  return { ...createPickPlaceCell({ releaseGapM: 0.01 }), name: 'gentle-place' };
}
