import type { KindDef } from '../../../kind/kind-def.ts';
import { sourceRows } from '../line-columns.ts';
import { SOURCE_COLUMNS } from '../line-columns.ts';
import { compileLineOf, type SourceModel } from '../line-model.ts';
import { unitCount } from '../line-units.ts';

/** Sources of a production line: units released by an interarrival distribution, or unlimited supply. Declared in the `line` section. */
export const sourceKind: KindDef<undefined, SourceModel, typeof SOURCE_COLUMNS> = {
  id: 'source',
  columns: SOURCE_COLUMNS,
  compile: (ctx) => ({ things: compileLineOf(ctx.spec).line.sources }),
  frame: {
    fields: ['x', 'z', 'queued', 'released'],
    write(model, state, out) {
      const table = sourceRows.table(state);
      (model.things.source as readonly SourceModel[]).forEach((s, i) => {
        out[i * 4] = s.xM;
        out[i * 4 + 1] = s.zM;
        out[i * 4 + 2] = unitCount(table.queue[i]!);
        out[i * 4 + 3] = table.released[i]!;
      });
    },
  },
};
