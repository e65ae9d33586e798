import type { KindDef } from '../../kind/kind-def.ts';
import { advanceErrands } from './advance-errands.ts';
import { applyErrandCommands } from './errand-commands.ts';
import { ERRAND_COLUMNS } from './errand-columns.ts';
import { compileErrands, type ErrandSlotModel } from './errand-compile.ts';
import { errandModel, errandTable, openErrandTasks, taskErrands } from './errand-model.ts';
import { errandKpis } from './errand-kpis.ts';
import { errandsSpecSchema, type ErrandsSpec } from './errand-spec.ts';

declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    'errand.assigned': { slot: number; task: number; robot: number };
    /** A robot reached errand `step` of task `task` at `node`. */
    'errand.reached': { slot: number; task: number; step: number; robot: number; node: number };
    /** A task's last errand was reached: the task is finished (LoRR's score counts these). */
    'errand.finished': { slot: number; task: number; robot: number; node: number; taskSec: number };
  }
}

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
 * Errand tasks (League of Robot Runners style): each task is a sequence of places to visit in
 * order, a pool of them is revealed at once and refilled as tasks finish. Controllers take a task
 * with `{ thing: 'errand', kind: 'assign', slot, robot }`; the kind notices arrivals, dwells and
 * finishes. KPIs: tasks finished (LoRR's score), per hour, errands reached, task time.
 */
export const errandKind: KindDef<ErrandsSpec, ErrandSlotModel, typeof ERRAND_COLUMNS> = {
  id: 'errand',
  spec: {
    key: 'errands',
    schema: errandsSpecSchema,
    required: false,
    description: 'Errand tasks: sequences of cells to visit, revealed as a pool (League of Robot Runners style).',
  },
  columns: ERRAND_COLUMNS,
  compile: compileErrands,
  init(table, model) {
    const t = table;
    for (let s = 0; s < t.count; s++) t.task[s] = s;
    void model;
  },
  stages: [{ slot: 'process', run: ({ model, state }) => advanceErrands(model, state) }],
  applyCommands: applyErrandCommands,
  observe(model, state): ErrandObservation {
    const t = errandTable(state);
    const fields = errandModel(model);
    const tasks: ErrandTaskView[] = new Array(t.count);
    for (let s = 0; s < t.count; s++) {
      const step = t.step[s]!;
      const dwell = fields.errandDwellTicks.length === 0 ? 0 : fields.errandDwellTicks[Math.min(step, fields.errandDwellTicks.length - 1)]! * model.dtSec;
      tasks[s] = {
        slot: s,
        task: t.task[s]!,
        errands: taskErrands(fields, t.task[s]!),
        step,
        robot: t.robot[s]! >= 0 ? t.robot[s]! : null,
        releasedTick: t.releasedTick[s]!,
        dwellSec: dwell,
      };
    }
    return { tasks };
  },
  frame: {
    // Where each revealed task goes next (drawn as a marker), and who does it.
    fields: ['x', 'z', 'robot'],
    write(model, state, out) {
      const t = errandTable(state);
      const fields = errandModel(model);
      for (let s = 0; s < t.count; s++) {
        const node = taskErrands(fields, t.task[s]!)[t.step[s]!]!;
        out[s * 3] = model.roadmap.nodeX[node]!;
        out[s * 3 + 1] = model.roadmap.nodeZ[node]!;
        out[s * 3 + 2] = t.robot[s]!;
      }
    },
  },
  kpis: errandKpis,
  progress: { unit: 'errand tasks', deliveredBy: ['errand.finished'], waiting: (_model, state) => openErrandTasks(errandTable(state)) },
};
