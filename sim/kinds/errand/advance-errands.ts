import { cellAt } from '../../model/roadmap.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { isAtNode, robotRows } from '../robot/index.ts';
import type { ErrandArrivalCache } from './errand-arrival-cache.ts';
import { dwellTicksAt, errandModel, errandTable, taskErrands } from './errand-model.ts';

/**
 * Process-slot stage: a robot on its task's next errand (its centre in the cell; standing still
 * for the dwell when there is one) reaches it. Reaching the last errand finishes the task, and
 * the slot is refilled with the next task of the list (LoRR's reveal rule: the pool stays full).
 */
export function advanceErrands(model: SimModel, state: SimState, cache: ErrandArrivalCache): void {
  const t = errandTable(state);
  if (t.count === 0) return;
  const fields = errandModel(model);
  const { cols, rows } = model.grid;
  const { cellNode } = model.roadmap;
  const { posX, posZ } = robotRows.table(state);
  const goalOf = (task: number, step: number) => taskErrands(fields, task)[step]!;
  cache.ensure(t.count);
  for (let s = 0; s < t.count; s++) {
    const robot = t.robot[s]!;
    if (robot < 0) continue;
    const goal = cache.goal(s, t.task[s]!, t.step[s]!, goalOf);
    const node = cache.node(s, cellAt(model.roadmap, cols, rows, posX[robot]!, posZ[robot]!), cellNode);
    if (node !== goal) {
      t.dwellTicks[s] = 0;
      continue;
    }
    const need = dwellTicksAt(fields, t.step[s]!);
    if (need > 0) {
      if (!isAtNode(model, state, robot, node)) continue;
      t.dwellTicks[s] = t.dwellTicks[s]! + 1;
      if (t.dwellTicks[s]! < need) continue;
    }
    t.dwellTicks[s] = 0;
    state.events.push({ type: 'errand.reached', tick: state.tick, slot: s, task: t.task[s]!, step: t.step[s]!, robot, node });
    t.step[s] = t.step[s]! + 1;
    if (t.step[s]! < taskErrands(fields, t.task[s]!).length) continue;
    state.events.push({
      type: 'errand.finished',
      tick: state.tick,
      slot: s,
      task: t.task[s]!,
      robot,
      node,
      taskSec: (state.tick - t.releasedTick[s]!) / model.hz,
    });
    let next = 0;
    for (let k = 0; k < t.count; k++) if (t.task[k]! >= next) next = t.task[k]! + 1;
    t.task[s] = next;
    t.step[s] = 0;
    t.robot[s] = -1;
    t.releasedTick[s] = state.tick;
  }
}
