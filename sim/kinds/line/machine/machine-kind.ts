import type { KindDef } from '../../../kind/kind-def.ts';
import { machineRows } from '../line-columns.ts';
import { MACHINE_COLUMNS } from '../line-columns.ts';
import '../line-events.ts';
import { lineFloorLayout } from '../line-floor.ts';
import { machineKpis } from '../line-kpis.ts';
import { nextLineBusyTick, runLine } from '../line-loop.ts';
import { compileLineOf, type MachineModel } from '../line-model.ts';
import { machineDown, sourceBurst } from '../line-scripted.ts';
import { lineSpecSchema, type LineSpec } from '../line-spec.ts';

/**
 * Machines of a production line (states idle / working / blocked / starved / down / setup). Owns
 * the `line` spec section (sources, machines, buffers and sinks joined by name), the line's event
 * loop (process slot), the scripted `machine.down` and `source.burst`, and the machine KPIs.
 */
export const machineKind: KindDef<LineSpec, MachineModel, typeof MACHINE_COLUMNS> = {
  id: 'machine',
  spec: { key: 'line', schema: lineSpecSchema, required: false, description: 'A production line: sources, machines, buffers and sinks joined by name.' },
  columns: MACHINE_COLUMNS,
  compile(ctx) {
    const { line, issues } = compileLineOf(ctx.spec);
    for (const [path, message] of issues) ctx.issue(path, message);
    const horizonSec = (ctx.spec as { horizonSec?: number }).horizonSec ?? Infinity;
    if (line.warmupSec > 0 && line.warmupSec >= horizonSec)
      ctx.issue('line.warmupSec', `the warm-up (${line.warmupSec} s) must end before the horizon (${horizonSec} s): no KPI would be left`);
    return { things: line.machines, model: { line } };
  },
  floorWithoutLayout: lineFloorLayout,
  stages: [{ slot: 'process', run: runLine }],
  nextBusyTick: nextLineBusyTick,
  scripted: { 'machine.down': machineDown, 'source.burst': sourceBurst },
  frame: {
    fields: ['x', 'z', 'state', 'processed', 'unit'],
    write(model, state, out) {
      const table = machineRows.table(state);
      (model.things.machine as readonly MachineModel[]).forEach((m, i) => {
        out[i * 5] = m.xM;
        out[i * 5 + 1] = m.zM;
        out[i * 5 + 2] = table.state[i]!;
        out[i * 5 + 3] = table.processed[i]!;
        out[i * 5 + 4] = table.unit[i]!;
      });
    },
  },
  kpis: machineKpis,
};
