import type { AgentObservation } from '../../robots/index.ts';

/**
 * The teacher of the example policy (`moves` actions): follow the hint (the static shortest
 * path's first move, or interact at the goal), but stay when the hinted cell holds another robot.
 */
export function expertAction(view: AgentObservation, patchCells: number): number {
  if (view.ready !== 1) return 0;
  if (view.hint[4] === 1) return 5;
  const dir = view.hint.indexOf(1);
  if (dir < 0 || dir > 3) return 0;
  const c = (patchCells - 1) / 2;
  const [dr, dc] = [[-1, 0], [0, 1], [1, 0], [0, -1]][dir]!;
  const k = (c + dr!) * patchCells + (c + dc!);
  return view.patch[patchCells * patchCells + k] === 1 ? 0 : dir + 1;
}
