import type { AgentObservation } from './agent-view.ts';

/**
 * The teacher of the example policy (`moves` actions): follow the hint (the static shortest
 * path's first move, or interact at the goal); when the hinted cell holds another robot, side-step
 * into the first allowed free cell (N, E, S, W order), else stay.
 */
export function expertAction(view: AgentObservation, patchCells: number): number {
  if (view.ready !== 1) return 0;
  if (view.hint[4] === 1) return 5;
  const dir = view.hint.indexOf(1);
  if (dir < 0 || dir > 3) return 0;
  const c = (patchCells - 1) / 2;
  const occupied = (d: number) => {
    const [dr, dc] = STEPS[d]!;
    return view.patch[patchCells * patchCells + (c + dr!) * patchCells + (c + dc!)] === 1;
  };
  if (!occupied(dir)) return dir + 1;
  for (let d = 0; d < 4; d++) if (d !== dir && view.moves[d] === 1 && !occupied(d)) return d + 1;
  return 0;
}

/** Row and column offsets of N, E, S, W. */
const STEPS = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
] as const;
