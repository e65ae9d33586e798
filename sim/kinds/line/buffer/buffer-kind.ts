import type { KindDef } from '../../../kind/kind-def.ts';
import { bufferRows } from '../line-columns.ts';
import { BUFFER_COLUMNS } from '../line-columns.ts';
import { compileLineOf, type BufferModel } from '../line-model.ts';
import { unitCount } from '../line-units.ts';

/** Buffers of a production line: FIFO with a capacity, blocking after service. Declared in the `line` section. */
export const bufferKind: KindDef<undefined, BufferModel, typeof BUFFER_COLUMNS> = {
  id: 'buffer',
  columns: BUFFER_COLUMNS,
  compile: (ctx) => ({ things: compileLineOf(ctx.spec).line.buffers }),
  frame: {
    fields: ['x', 'z', 'fill', 'capacity'],
    write(model, state, out) {
      const table = bufferRows.table(state);
      (model.things.buffer as readonly BufferModel[]).forEach((b, i) => {
        out[i * 4] = b.xM;
        out[i * 4 + 1] = b.zM;
        out[i * 4 + 2] = unitCount(table.units[i]!);
        out[i * 4 + 3] = b.capacity;
      });
    },
  },
};
