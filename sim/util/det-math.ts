/**
 * Deterministic elementary functions: built only from + − × ÷ and `Math.sqrt` (all correctly
 * rounded by IEEE 754), evaluated in a fixed order, so every JavaScript engine gives the same bits.
 * `Math.sin`, `Math.cos`, `Math.atan2` … are only required to be approximations and may differ
 * between engines; state updates (arm joints, conveyor arcs, headings) use these instead.
 * Accuracy: within a few ulp of the true value over the ranges stated (tested against `Math`).
 */

const PI = 3.141592653589793;
const HALF_PI = 1.5707963267948966;
// π/2 split in three parts (Cody–Waite) so range reduction keeps ~100 bits of π.
const HALF_PI_1 = 1.5707963267341256;
const HALF_PI_2 = 6.077100506506192e-11;
const HALF_PI_3 = 2.0222662487959506e-21;

/** sin(x) for |x| ≤ π/4, Taylor series to x¹⁷ (error < 1e-17). */
function sinKernel(x: number): number {
  const x2 = x * x;
  return (
    x *
    (1 +
      x2 *
        (-1 / 6 +
          x2 *
            (1 / 120 +
              x2 * (-1 / 5040 + x2 * (1 / 362880 + x2 * (-1 / 39916800 + x2 * (1 / 6227020800 + x2 * (-1 / 1307674368000 + x2 * (1 / 355687428096000)))))))))
  );
}

/** cos(x) for |x| ≤ π/4, Taylor series to x¹⁸. */
function cosKernel(x: number): number {
  const x2 = x * x;
  return (
    1 +
    x2 *
      (-1 / 2 +
        x2 *
          (1 / 24 +
            x2 *
              (-1 / 720 +
                x2 *
                  (1 / 40320 +
                    x2 * (-1 / 3628800 + x2 * (1 / 479001600 + x2 * (-1 / 87178291200 + x2 * (1 / 20922789888000 + x2 * (-1 / 6402373705728000)))))))))
  );
}

/** Reduces x to r in [-π/4, π/4] with x = r + k·π/2; returns k mod 4 and r. */
function reduce(x: number): { quadrant: number; r: number } {
  const k = Math.round(x / HALF_PI);
  const r = x - k * HALF_PI_1 - k * HALF_PI_2 - k * HALF_PI_3;
  return { quadrant: ((k % 4) + 4) % 4, r };
}

/** Deterministic sine of `x` radians (accurate for |x| < 1e6). */
export function detSin(x: number): number {
  const { quadrant, r } = reduce(x);
  switch (quadrant) {
    case 0:
      return sinKernel(r);
    case 1:
      return cosKernel(r);
    case 2:
      return -sinKernel(r);
    default:
      return -cosKernel(r);
  }
}

/** Deterministic cosine of `x` radians (accurate for |x| < 1e6). */
export function detCos(x: number): number {
  const { quadrant, r } = reduce(x);
  switch (quadrant) {
    case 0:
      return cosKernel(r);
    case 1:
      return -sinKernel(r);
    case 2:
      return -cosKernel(r);
    default:
      return sinKernel(r);
  }
}

const TAN_PI_12 = 0.2679491924311227; // 2 − √3
const SQRT3 = 1.7320508075688772;

/** atan(x) for |x| ≤ tan(π/12), series to x⁴¹ (error < 1e-17). */
function atanKernel(x: number): number {
  const x2 = x * x;
  let sum = 0;
  for (let n = 20; n >= 0; n--) sum = (n % 2 === 0 ? 1 : -1) / (2 * n + 1) + x2 * sum;
  return x * sum;
}

/** Deterministic arctangent of `x`, in (−π/2, π/2). */
export function detAtan(x: number): number {
  if (x !== x) return NaN;
  if (x < 0) return -detAtan(-x);
  if (x > 1) return HALF_PI - detAtan(1 / x);
  if (x > TAN_PI_12) return PI / 6 + atanKernel((x * SQRT3 - 1) / (SQRT3 + x));
  return atanKernel(x);
}

/** Deterministic `atan2(y, x)`: the angle of (x, y) in (−π, π], like `Math.atan2`. */
export function detAtan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === 0 && y === 0) return Object.is(x, -0) ? (Object.is(y, -0) ? -PI : PI) : y;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const a = ay <= ax ? detAtan(ay / ax) : HALF_PI - detAtan(ax / ay);
  const quadrantAngle = x < 0 ? PI - a : a;
  return y < 0 || Object.is(y, -0) ? -quadrantAngle : quadrantAngle;
}

/** Deterministic arccosine of `x` ∈ [−1, 1] (clamped), in [0, π]. */
export function detAcos(x: number): number {
  const c = Math.max(-1, Math.min(1, x));
  return detAtan2(Math.sqrt((1 - c) * (1 + c)), c);
}

/** Deterministic arcsine of `x` ∈ [−1, 1] (clamped), in [−π/2, π/2]. */
export function detAsin(x: number): number {
  const s = Math.max(-1, Math.min(1, x));
  return detAtan2(s, Math.sqrt((1 - s) * (1 + s)));
}
