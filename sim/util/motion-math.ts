/**
 * Rotates a unit heading by `angleRad` (positive turns +x toward -z) without Math.sin/cos,
 * whose results may differ between JS engines. Angles per tick are small (< 0.2 rad), where a
 * 7th-order Taylor series is exact to double precision; the result is renormalised.
 */
export function rotateHeading(hx: number, hz: number, angleRad: number): [number, number] {
  const out = new Float64Array(2);
  out[0] = hx;
  out[1] = hz;
  rotateHeadingAt(out, out.subarray(1), 0, angleRad);
  return [out[0]!, out[1]!];
}

/** {@link rotateHeading} in place: rotates heading `(xs[i], zs[i])`, allocating nothing. */
export function rotateHeadingAt(xs: Float64Array, zs: Float64Array, i: number, angleRad: number): void {
  const hx = xs[i]!;
  const hz = zs[i]!;
  const a = angleRad;
  const a2 = a * a;
  const cos = 1 - (a2 / 2) * (1 - (a2 / 12) * (1 - a2 / 30));
  const sin = a * (1 - (a2 / 6) * (1 - (a2 / 20) * (1 - a2 / 42)));
  const nx = hx * cos + hz * sin;
  const nz = -hx * sin + hz * cos;
  const len = Math.sqrt(nx * nx + nz * nz);
  xs[i] = nx / len;
  zs[i] = nz / len;
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
