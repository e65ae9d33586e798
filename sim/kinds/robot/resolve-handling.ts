import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import { loadRows } from '../load/index.ts';
import type { SimState } from '../../state/sim-state.ts';
import { RobotMode } from './robot-columns.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import { robotNode } from './robot-position.ts';
import { findTask, releaseLoadTask, taskChanged } from '../order/index.ts';

/** Seconds a set-down load is simulated dynamically before it is fixed where it lies. */
const SETTLE_SEC = 1.5;

/**
 * Handling-slot stage: finishes lifts and drops whose time is up. A lift binds the load to the robot and
 * moves its task to `carrying`; a drop sets the load on the node and, for a task whose picks
 * are done, completes it when the node is storage.
 */
export function resolveHandling(model: SimModel, state: SimState): void {
  const r = robotRows.table(state);
  for (let i = 0; i < r.count; i++) {
    const mode = r.mode[i]!;
    if (mode !== RobotMode.Lifting && mode !== RobotMode.Dropping) continue;
    r.handlingTicksLeft[i] = r.handlingTicksLeft[i]! - 1;
    if (r.handlingTicksLeft[i]! > 0) continue;
    r.mode[i] = RobotMode.Hold;
    const load = r.carriedLoad[i]!;
    const task = r.task[i]! >= 0 ? findTask(state, r.task[i]!) : undefined;
    if (mode === RobotMode.Lifting) {
      state.events.push({ type: 'load.lifted', tick: state.tick, robot: i, load });
      if (task && task.load === load && task.phase === 'assigned') {
        task.phase = 'carrying';
        taskChanged(state, task.id);
      }
      continue;
    }
    const { node } = robotNode(model, state, i);
    r.carriedLoad[i] = -1;
    loadRows.table(state).holderKind[load] = -1;
    loadRows.table(state).holderId[load] = -1;
    loadRows.table(state).node[load] = node;
    state.physics.makeDynamic(KindIndex.Load, load);
    loadRows.table(state).settleTicksLeft[load] = Math.round(SETTLE_SEC * model.hz);
    state.events.push({ type: 'load.dropped', tick: state.tick, robot: i, load, node });
    if (!task || task.load !== load) continue;
    if (task.phase === 'carrying' || task.phase === 'picking') {
      task.phase = 'assigned';
      taskChanged(state, task.id);
    } else if (task.phase === 'returning' && loadRows.fields(model).storageNodes.includes(node)) {
      task.phase = 'done';
      taskChanged(state, task.id);
      r.task[i] = -1;
      state.events.push({ type: 'task.completed', tick: state.tick, task: task.id, robot: i });
      releaseLoadTask(state, task);
    }
  }
}
