import type { KindDef } from '../../../kind/kind-def.ts';
import { bufferRows, MachineState, machineRows, sinkRows, sourceRows } from '../line-columns.ts';
import { SINK_COLUMNS } from '../line-columns.ts';
import { unitCount } from '../line-units.ts';
import { flowKpis } from '../line-kpis.ts';
import { compileLineOf, type SinkModel } from '../line-model.ts';

/** Sinks of a production line: count units and their cycle time; carry the line's flow KPIs. Declared in the `line` section. */
export const sinkKind: KindDef<undefined, SinkModel, typeof SINK_COLUMNS> = {
  id: 'sink',
  columns: SINK_COLUMNS,
  compile: (ctx) => ({ things: compileLineOf(ctx.spec).line.sinks }),
  frame: {
    fields: ['x', 'z', 'received'],
    write(model, state, out) {
      const table = sinkRows.table(state);
      (model.things.sink as readonly SinkModel[]).forEach((s, i) => {
        out[i * 3] = s.xM;
        out[i * 3 + 1] = s.zM;
        out[i * 3 + 2] = table.received[i]!;
      });
    },
  },
  kpis: flowKpis,
  progress: {
    unit: 'line units',
    deliveredBy: ['unit.completed'],
    waiting: (_model, state) => unitsInLine(state),
    underWay: (_model, state) => machinesAtWork(state),
  },
};

/** Units waiting in the line: in its sources' queues and its buffers. */
function unitsInLine(state: Parameters<NonNullable<KindDef['progress']>['waiting']>[1]): number {
  let units = 0;
  const sources = state.things.source ? sourceRows.table(state) : undefined;
  const buffers = state.things.buffer ? bufferRows.table(state) : undefined;
  for (let i = 0; i < (sources?.count ?? 0); i++) units += unitCount(sources!.queue[i]!);
  for (let i = 0; i < (buffers?.count ?? 0); i++) units += unitCount(buffers!.units[i]!);
  return units;
}

/** Whether a machine is working, being set up or repaired: the line is slow then, not stalled. */
function machinesAtWork(state: Parameters<NonNullable<KindDef['progress']>['waiting']>[1]): boolean {
  if (!state.things.machine) return false;
  const machines = machineRows.table(state);
  for (let i = 0; i < machines.count; i++) {
    const s = machines.state[i];
    if (s === MachineState.Working || s === MachineState.Down || s === MachineState.Setup) return true;
  }
  return false;
}
