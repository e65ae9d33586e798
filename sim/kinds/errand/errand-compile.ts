import type { KindCompileContext } from '../../kind/kind-def.ts';
import type { ErrandsSpec } from './errand-spec.ts';

/** One slot of the revealed-task pool. */
export interface ErrandSlotModel {
  readonly id: number;
}

/**
 * The pool slots (`openTasks` of them, none without an `errands` section) and the task list as
 * roadmap nodes. Every errand must name a cell on the roadmap (floor, lanes, stations …).
 */
export function compileErrands(ctx: KindCompileContext<ErrandsSpec>) {
  const section = ctx.section;
  if (!section) return { things: [] as ErrandSlotModel[], model: { errandTasks: [], errandDwellTicks: [] } };
  const { grid, roadmap } = ctx;
  const cells = grid.rows * grid.cols;
  const hz = (ctx.spec.physics as { hz: number } | undefined)?.hz ?? 30;
  let reported = 0;
  const tasks = section.tasks.map((task, t) =>
    task.map((cell, k) => {
      const node = cell < cells ? roadmap.cellNode[cell]! : -1;
      if (node < 0 && reported++ < 20) {
        const where =
          cell < cells
            ? `cell ${cell} (row ${Math.floor(cell / grid.cols)}, col ${cell % grid.cols}) is not on the roadmap (a wall or obstacle)`
            : `cell ${cell} is outside the ${grid.rows}×${grid.cols} layout`;
        ctx.issue(`errands.tasks[${t}][${k}]`, where);
      }
      return node;
    }),
  );
  return {
    things: Array.from({ length: section.openTasks }, (_, id) => ({ id })),
    model: { errandTasks: tasks, errandDwellTicks: section.dwellSec.map((s) => Math.round(s * hz)) },
  };
}
