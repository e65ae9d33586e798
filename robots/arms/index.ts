/**
 * Robot arms: models (data sheets), the arm controller SDK and the built-in pick-and-place cell
 * controller. The kinematics and the `arm` kind itself live in `sim/kinds/arm/` (the sim poses the
 * links every tick and refuses what cannot be done); these reach it through the host catalogue.
 */
import type { CellControllerFactory } from '../../sim/index.ts';
import createDefaultPickPlaceCell from './pick-place-cell.ts';

export { ur5e } from './ur5e.ts';
export { epsonG6453s } from './epson-g6-453s.ts';
export { armModels, armCatalog } from './models.ts';
export { armsOf, moveJ, moveP, moveL, grasp, release, stop, pick, place, gripPose, canReach, type PickPlaceOptions } from './cell-sdk.ts';
export { createPickPlaceCell, type PickPlaceCellOptions } from './pick-place-cell.ts';

/** Built-in cell controllers by name. */
export const cellControllers: Readonly<Record<string, CellControllerFactory>> = Object.freeze({ 'pick-place': createDefaultPickPlaceCell });

/** The cell controller a host runs when none is named: `pick-place` for a scenario with arms, else none. */
export function defaultCellController(spec: { readonly arms?: readonly unknown[] }): string | null {
  return Array.isArray(spec.arms) && spec.arms.length > 0 ? 'pick-place' : null;
}
