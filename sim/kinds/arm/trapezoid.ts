/**
 * Synchronised trapezoidal profiles: every axis starts and stops together, moving along one
 * normalised profile s(t) ∈ [0, 1] (accelerate, cruise, decelerate), timed so no axis exceeds its
 * speed or acceleration limit. The duration is rounded up to whole ticks so the last sample lands
 * exactly on the goal (stretching only lowers speeds and accelerations).
 */

/** A normalised profile: accelerate for `taSec`, total `totalSec`; `cSec` = total − ta. */
export interface Profile {
  readonly taSec: number;
  readonly cSec: number;
  readonly totalSec: number;
}

/**
 * The shortest synchronised profile moving distances `dist[i]` (absolute values) under speed
 * limits `vmax[i]` and acceleration limits `amax[i]`, stretched to a whole number of `dtSec` ticks.
 * With s'' = ±1/(ta·c) and peak s' = 1/c: axis i needs c ≥ dᵢ/vᵢ and ta·c ≥ dᵢ/aᵢ, ta ≤ c.
 */
export function syncProfile(dist: readonly number[], vmax: readonly number[], amax: readonly number[], dtSec: number): Profile {
  let v = 0;
  let a = 0;
  for (let i = 0; i < dist.length; i++) {
    v = Math.max(v, Math.abs(dist[i]!) / vmax[i]!);
    a = Math.max(a, Math.abs(dist[i]!) / amax[i]!);
  }
  if (v === 0 && a === 0) return { taSec: 0, cSec: 0, totalSec: 0 };
  let c: number;
  let ta: number;
  if (Math.sqrt(a) >= v) {
    c = Math.sqrt(a);
    ta = c;
  } else {
    c = v;
    ta = a / v;
  }
  const total = ta + c;
  const ticks = Math.max(1, Math.ceil(total / dtSec - 1e-9));
  const k = (ticks * dtSec) / total;
  return { taSec: ta * k, cSec: c * k, totalSec: ticks * dtSec };
}

/** s(t) of a profile, clamped to [0, 1]. */
export function profileAt(p: Profile, tSec: number): number {
  if (p.totalSec === 0 || tSec >= p.totalSec) return 1;
  if (tSec <= 0) return 0;
  const k = 1 / (p.taSec * p.cSec);
  if (tSec < p.taSec) return 0.5 * k * tSec * tSec;
  if (tSec <= p.cSec) return (0.5 * p.taSec) / p.cSec + (tSec - p.taSec) / p.cSec;
  const r = p.totalSec - tSec;
  return 1 - 0.5 * k * r * r;
}

/** Number of ticks a profile lasts. */
export const profileTicks = (p: Profile, dtSec: number): number => Math.round(p.totalSec / dtSec);
