/**
 * Deterministic `log` and `exp`, built only from + − × ÷ (IEEE-754 exact in every JS engine), so
 * samplers that need them give bit-identical draws everywhere. `Math.log`/`Math.exp` are not
 * specified to the last bit and could differ between engines. Accuracy: within a few ulp of the
 * true value (tested against `Math` within 1e-14 relative).
 */

/** ln 2 split in a high part with trailing zero bits (so `k · LN2_HI` is exact) and the rest (fdlibm). */
// biome-ignore lint/correctness/noPrecisionLoss: fdlibm's published constants; each literal rounds to the intended double
const LN2_HI = 6.9314718036912381649e-1;
// biome-ignore lint/correctness/noPrecisionLoss: fdlibm's published constants; each literal rounds to the intended double
const LN2_LO = 1.90821492927058770002e-10;
const SQRT_HALF = 0.7071067811865476;
const TWO_32 = 4294967296;

/** 2^k for an integer k, by exact doublings and halvings (0 or Infinity beyond the double range). */
function detPow2(k: number): number {
  let r = 1;
  let n = k;
  while (n >= 32) {
    r *= TWO_32;
    n -= 32;
  }
  while (n <= -32) {
    r /= TWO_32;
    n += 32;
  }
  while (n > 0) {
    r *= 2;
    n -= 1;
  }
  while (n < 0) {
    r /= 2;
    n += 1;
  }
  return r;
}

/**
 * Natural logarithm: x = m · 2^e with m in [√½, √2), then ln m = 2·atanh(s), s = (m − 1)/(m + 1),
 * |s| ≤ 0.172, by its odd power series (13 terms reach 1e-20). `NaN` for x < 0 or NaN, −Infinity at 0.
 */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  while (m >= TWO_32) {
    m /= TWO_32;
    e += 32;
  }
  while (m < 1 / TWO_32) {
    m *= TWO_32;
    e -= 32;
  }
  while (m >= 2 * SQRT_HALF) {
    m /= 2;
    e += 1;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e -= 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // Horner over 1 + s²/3 + s⁴/5 + … + s²⁴/25.
  let series = 0;
  for (let k = 12; k >= 1; k--) series = (series + 1 / (2 * k + 1)) * s2;
  const lnM = 2 * s * (1 + series);
  return e * LN2_HI + (e * LN2_LO + lnM);
}

/**
 * Exponential: x = k·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series (20 terms), times 2^k.
 * Overflows to Infinity above ~709.78 and underflows to 0 below ~−745, like `Math.exp`.
 */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = 1;
  for (let n = 20; n >= 1; n--) sum = 1 + (sum * r) / n;
  // Split the scaling so 2^k never overflows on its own when the product is representable.
  const half = Math.trunc(k / 2);
  return sum * detPow2(half) * detPow2(k - half);
}
