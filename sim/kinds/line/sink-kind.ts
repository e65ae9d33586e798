import type { KindDef } from '../kind-def.ts';
import { SINK_COLUMNS, type SinkTable } from './line-columns.ts';
import { flowKpis } from './line-kpis.ts';
import { compileLineOf, type SinkModel } from './line-model.ts';

/** Sinks of a production line: count units and their cycle time; carry the line's flow KPIs. Declared in the `line` section. */
export const sinkKind: KindDef<undefined, SinkModel> = {
  id: 'sink',
  columns: SINK_COLUMNS,
  compile: (ctx) => ({ things: compileLineOf(ctx.spec).line.sinks }),
  frame: {
    fields: ['x', 'z', 'received'],
    write(model, state, out) {
      const table = state.things.sink as unknown as SinkTable;
      (model.things.sink as readonly SinkModel[]).forEach((s, i) => {
        out[i * 3] = s.xM;
        out[i * 3 + 1] = s.zM;
        out[i * 3 + 2] = table.received[i]!;
      });
    },
  },
  kpis: flowKpis,
};
