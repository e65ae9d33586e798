import type { KindDef } from '../../kind/kind-def.ts';
import { advanceErrands } from './advance-errands.ts';
import { ErrandArrivalCache } from './errand-arrival-cache.ts';
import { applyErrandCommands } from './errand-commands.ts';
import { ERRAND_COLUMNS } from './errand-columns.ts';
import { compileErrands, type ErrandSlotModel } from './errand-compile.ts';
import { errandModel, errandTable, openErrandTasks, taskErrands } from './errand-model.ts';
import { observeErrandTasks, type ErrandObservation, type ErrandTaskView } from './observe-errand-tasks.ts';
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

export type { ErrandObservation, ErrandTaskView } from './observe-errand-tasks.ts';

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
  createScratch: () => new ErrandArrivalCache(),
  stages: [{ slot: 'process', run: (ctx) => advanceErrands(ctx.model, ctx.state, ctx.scratch<ErrandArrivalCache>('errand')) }],
  applyCommands: applyErrandCommands,
  createObserveCache: (): ErrandTaskView[] => [],
  observe(model, state, cache: ErrandTaskView[]): ErrandObservation {
    return { tasks: observeErrandTasks(model, state, cache) };
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
