import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { errandModel, errandTable, taskErrands } from './errand-model.ts';

/** One revealed task as controllers see it (`observation.things.errand.tasks`). */
export interface ErrandTaskView {
  readonly slot: number;
  /** Sequence number of the task (the list index is this mod the list length). */
  readonly task: number;
  /** Roadmap nodes to visit, in order. */
  readonly errands: readonly number[];
  /** Index into `errands` of the next one to reach. */
  readonly step: number;
  readonly robot: number | null;
  readonly releasedTick: number;
  /** Seconds to stand still on the next errand before it counts. */
  readonly dwellSec: number;
}

/** The errand kind's part of the observation. */
export interface ErrandObservation {
  readonly tasks: readonly ErrandTaskView[];
}

/**
 * The revealed tasks as controllers see them, one frozen view per slot. `cache` holds the views of
 * the last call (kept by the observer): a slot whose task, step, robot and release did not change
 * gets the same view object again, so a control tick allocates only for what changed and an
 * isolated controller's codec sends only those.
 */
export function observeErrandTasks(model: SimModel, state: SimState, cache: ErrandTaskView[]): ErrandTaskView[] {
  const t = errandTable(state);
  const fields = errandModel(model);
  const tasks: ErrandTaskView[] = new Array(t.count);
  cache.length = t.count;
  for (let s = 0; s < t.count; s++) {
    const step = t.step[s]!;
    const task = t.task[s]!;
    const robot = t.robot[s]! >= 0 ? t.robot[s]! : null;
    const releasedTick = t.releasedTick[s]!;
    const prev = cache[s];
    if (prev !== undefined && prev.task === task && prev.step === step && prev.robot === robot && prev.releasedTick === releasedTick) {
      tasks[s] = prev;
      continue;
    }
    const dwell = fields.errandDwellTicks.length === 0 ? 0 : fields.errandDwellTicks[Math.min(step, fields.errandDwellTicks.length - 1)]! * model.dtSec;
    const view: ErrandTaskView = Object.freeze({ slot: s, task, errands: taskErrands(fields, task), step, robot, releasedTick, dwellSec: dwell });
    cache[s] = view;
    tasks[s] = view;
  }
  return tasks;
}
