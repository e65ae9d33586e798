import { MACHINE_STATES } from '../../sim/page-api.ts';
import type { MachineTrack } from './line-timeline.ts';

/**
 * Seconds in each state per pixel column: `[fromSec, toSec)` cut into `columns` equal slices,
 * row-major `columns × states` (state codes as in `MACHINE_STATES`). A spell longer than a column
 * fills whole columns; shorter spells share their column by time, so the drawn area of each
 * state stays proportional to its time however many spells a column holds.
 */
export function stateSecondsPerColumn(track: MachineTrack, fromSec: number, toSec: number, columns: number): Float64Array {
  const S = MACHINE_STATES.length;
  const out = new Float64Array(columns * S);
  const span = toSec - fromSec;
  if (!(span > 0) || columns <= 0) return out;
  const colSec = span / columns;
  const n = track.startSec.length;
  for (let i = 0; i < n; i++) {
    const a = Math.max(fromSec, track.startSec[i]!);
    const b = Math.min(toSec, i + 1 < n ? track.startSec[i + 1]! : toSec);
    if (!(b > a)) continue;
    const state = track.states[i]!;
    let c = Math.min(columns - 1, Math.floor((a - fromSec) / colSec));
    const cEnd = Math.min(columns - 1, Math.floor((b - fromSec) / colSec));
    for (; c <= cEnd; c++) {
      const c0 = fromSec + c * colSec;
      const overlap = Math.min(b, c0 + colSec) - Math.max(a, c0);
      if (overlap > 0) out[c * S + state]! += overlap;
    }
  }
  return out;
}

/**
 * Splits `heightPx` whole pixels among the states of one column in proportion to their seconds
 * (largest remainder: the parts sum to `heightPx` exactly); all zero for an empty column.
 */
export function pixelsPerState(seconds: ArrayLike<number>, offset: number, heightPx: number): number[] {
  const S = MACHINE_STATES.length;
  let total = 0;
  for (let s = 0; s < S; s++) total += seconds[offset + s]!;
  const px = new Array<number>(S).fill(0);
  if (!(total > 0)) return px;
  const rest: Array<[number, number]> = [];
  let used = 0;
  for (let s = 0; s < S; s++) {
    const exact = (seconds[offset + s]! / total) * heightPx;
    px[s] = Math.floor(exact);
    used += px[s]!;
    rest.push([exact - px[s]!, s]);
  }
  rest.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; k < heightPx - used; k++) px[rest[k]![1]]! += 1;
  return px;
}
