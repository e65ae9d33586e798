/**
 * Rotates a unit heading by `angleRad` (positive turns +x toward -z) without Math.sin/cos,
 * whose results may differ between JS engines. Angles per tick are small (< 0.2 rad), where a
 * 7th-order Taylor series is exact to double precision; the result is renormalised.
 */
export function rotateHeading(hx: number, hz: number, angleRad: number): [number, number] {
  const a = angleRad;
  const a2 = a * a;
  const cos = 1 - (a2 / 2) * (1 - (a2 / 12) * (1 - a2 / 30));
  const sin = a * (1 - (a2 / 6) * (1 - (a2 / 20) * (1 - a2 / 42)));
  const nx = hx * cos + hz * sin;
  const nz = -hx * sin + hz * cos;
  const len = Math.sqrt(nx * nx + nz * nz);
  return [nx / len, nz / len];
}

/** Clamps `v` to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Moves `current` toward `target` by at most `maxStep`. */
export function approach(current: number, target: number, maxStep: number): number {
  if (target > current + maxStep) return current + maxStep;
  if (target < current - maxStep) return current - maxStep;
  return target;
}
