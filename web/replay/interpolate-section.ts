import type { FrameSectionLayout } from '../../sim/page-api.ts';

/** Fields blended linearly between keyframes, whatever the kind. */
const LINEAR_FIELDS: readonly string[] = ['x', 'y', 'z', 'speedMps'];

/** A section's offsets to blend: linear fields, and the heading pair (re-normalised) if present. */
export interface SectionBlend {
  stride: number;
  linear: number[];
  heading: [number, number] | null;
}

/** What to blend in a section, found by field name. */
export function sectionBlend(section: FrameSectionLayout): SectionBlend {
  const linear = LINEAR_FIELDS.map((f) => section.fields.indexOf(f)).filter((o) => o >= 0);
  const hx = section.fields.indexOf('headX');
  const hz = section.fields.indexOf('headZ');
  return { stride: section.stride, linear, heading: hx >= 0 && hz >= 0 ? [hx, hz] : null };
}

/**
 * Writes the poses a fraction `t` of the way from keyframe section `a` to `b` into `out`.
 * Positions (and speed) are blended; a heading is blended and re-normalised; every other field
 * (mode, holder, task…) keeps `a`'s value, since it changes in steps.
 */
export function interpolateSection(blend: SectionBlend, a: Float32Array, b: Float32Array, t: number, out: Float32Array): void {
  out.set(a.length === out.length ? a : a.subarray(0, Math.min(a.length, out.length)));
  if (t <= 0 || b.length !== a.length) return;
  const { stride, linear, heading } = blend;
  for (let o = 0; o + stride <= out.length; o += stride) {
    for (const j of linear) out[o + j] = a[o + j]! + (b[o + j]! - a[o + j]!) * t;
    if (!heading) continue;
    const [jx, jz] = heading;
    const hx = a[o + jx]! + (b[o + jx]! - a[o + jx]!) * t;
    const hz = a[o + jz]! + (b[o + jz]! - a[o + jz]!) * t;
    const len = Math.hypot(hx, hz);
    if (len > 1e-3) {
      out[o + jx] = hx / len;
      out[o + jz] = hz / len;
    }
  }
}
