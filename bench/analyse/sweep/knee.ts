/** A point of a curve. */
export interface Point {
  x: number;
  y: number;
}

/**
 * The knee of a rising, flattening curve (Kneedle): on the points up to the curve's maximum,
 * scaled to the unit square, the point farthest above the chord from the first point to the
 * maximum. Returns its index, or null with fewer than three points or no bend.
 */
export function findKnee(points: readonly Point[]): number | null {
  if (points.length < 3) return null;
  let top = 0;
  for (let i = 1; i < points.length; i++) if (points[i]!.y > points[top]!.y) top = i;
  if (top < 2) return null;
  const head = points.slice(0, top + 1);
  const x0 = head[0]!.x;
  const y0 = head[0]!.y;
  const dx = head[top]!.x - x0;
  const dy = head[top]!.y - y0;
  if (dx <= 0 || dy <= 0) return null;
  let best = -1;
  let bestGap = 1e-9;
  head.forEach((p, i) => {
    const gap = (p.y - y0) / dy - (p.x - x0) / dx;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  });
  return best >= 0 ? best : null;
}
