/**
 * A floor-plan image traced under the grid: where its top-left corner lies on the floor (metres)
 * and how many metres one image pixel spans. It is a drawing aid only: never part of the
 * scenario file (the file's schema is strict), so a saved file runs the same with or without it.
 */
export interface FloorPlan {
  name: string;
  widthPx: number;
  heightPx: number;
  /** Floor position of the image's top-left corner, metres (x east, z south). */
  xM: number;
  zM: number;
  /** Metres per image pixel. */
  mPerPx: number;
  /** How strongly the plan shows through the cells, 0 (hidden) to 1 (cells transparent). */
  opacity: number;
}

/** A point on the image, in image pixels. */
export interface ImagePoint {
  px: number;
  py: number;
}

/** A plan placed at the floor's origin, scaled so its width spans `floorWidthM`. */
export function placePlan(name: string, widthPx: number, heightPx: number, floorWidthM: number): FloorPlan {
  if (!(widthPx > 0 && heightPx > 0)) throw new Error(`${name} has no pixels to show`);
  return { name, widthPx, heightPx, xM: 0, zM: 0, mPerPx: floorWidthM / widthPx, opacity: 0.5 };
}

/** The image pixel under a floor position. */
export function imagePointAt(plan: FloorPlan, xM: number, zM: number): ImagePoint {
  return { px: (xM - plan.xM) / plan.mPerPx, py: (zM - plan.zM) / plan.mPerPx };
}

/** The floor position (metres) of an image pixel. */
export function floorPointOf(plan: FloorPlan, p: ImagePoint): { xM: number; zM: number } {
  return { xM: plan.xM + p.px * plan.mPerPx, zM: plan.zM + p.py * plan.mPerPx };
}

/**
 * Scales the plan by two reference points: image points `a` and `b` are `distanceM` apart on the
 * real floor. Point `a` stays where it is on the floor; everything else scales about it.
 * Throws a readable error for coincident points or a distance that is not positive.
 */
export function calibratePlan(plan: FloorPlan, a: ImagePoint, b: ImagePoint, distanceM: number): FloorPlan {
  const px = Math.hypot(b.px - a.px, b.py - a.py);
  if (!(px > 0)) throw new Error('the two reference points are the same point: pick two points apart');
  if (!(Number.isFinite(distanceM) && distanceM > 0)) throw new Error(`the distance between the points must be a positive number of metres, not ${distanceM}`);
  const anchor = floorPointOf(plan, a);
  const mPerPx = distanceM / px;
  return { ...plan, mPerPx, xM: anchor.xM - a.px * mPerPx, zM: anchor.zM - a.py * mPerPx };
}
