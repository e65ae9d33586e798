/** Column-major matrix turning local +x onto the heading (hx, hz) about +y, then translating. */
export function writeYawMatrix(m: Float32Array, o: number, x: number, y: number, z: number, hx: number, hz: number): void {
  m[o] = hx;
  m[o + 1] = 0;
  m[o + 2] = hz;
  m[o + 3] = 0;
  m[o + 4] = 0;
  m[o + 5] = 1;
  m[o + 6] = 0;
  m[o + 7] = 0;
  m[o + 8] = -hz;
  m[o + 9] = 0;
  m[o + 10] = hx;
  m[o + 11] = 0;
  m[o + 12] = x;
  m[o + 13] = y;
  m[o + 14] = z;
  m[o + 15] = 1;
}

/**
 * True when the matrix at `o` already is what {@link writeYawMatrix} would write for these values
 * (compared as the float32 the matrix stores them as), so an unmoved thing need not be rewritten.
 */
export function sameYawPose(m: Float32Array, o: number, x: number, y: number, z: number, hx: number, hz: number): boolean {
  const f = Math.fround;
  return m[o + 12] === f(x) && m[o + 14] === f(z) && m[o] === f(hx) && m[o + 2] === f(hz) && m[o + 13] === f(y) && m[o + 10] === f(hx) && m[o + 15] === 1;
}
