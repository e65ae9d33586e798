import type { SimModel } from '../../model/sim-model.ts';
import { errandRows } from './errand-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { ErrandModelFields, ErrandTable } from './errand-columns.ts';

export type { ErrandModelFields };

/** The errand fields of a model compiled with the errand kind. */
export function errandModel(model: SimModel): ErrandModelFields {
  return errandRows.fields(model);
}

/** The errand pool table. */
export function errandTable(state: SimState): ErrandTable {
  return errandRows.table(state);
}

/** The nodes of task sequence number `task` (the list is reused cyclically). */
export function taskErrands(fields: ErrandModelFields, task: number): readonly number[] {
  return fields.errandTasks[task % fields.errandTasks.length]!;
}

/** Dwell ticks at errand `step`. */
export function dwellTicksAt(fields: ErrandModelFields, step: number): number {
  const d = fields.errandDwellTicks;
  return d.length === 0 ? 0 : d[Math.min(step, d.length - 1)]!;
}

/** Revealed errand tasks not finished yet (every slot of the pool holds one; a slot emptied by a finite list holds -1). */
export function openErrandTasks(table: ErrandTable): number {
  let open = 0;
  for (let i = 0; i < table.count; i++) if (table.task[i]! >= 0) open += 1;
  return open;
}
