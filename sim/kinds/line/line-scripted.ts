import { z } from 'zod';
import type { SimModel } from '../../model/sim-model.ts';
import { closestText } from '../../util/nearest-text.ts';
import type { ScriptedHandler } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { burstSource, lineOf, settle } from './line-loop.ts';
import { lineRun } from './line-port.ts';
import { goDown } from './machine-logic.ts';

/** The line's time when the scripted slot of the current tick runs: the end of the tick the loop covered. */
const nowSec = (ctx: StageContext) => (ctx.state.tick + 1) / ctx.model.hz;

function checkName(kind: 'machine' | 'source', name: string, model: SimModel, issue: (field: string, message: string) => void): void {
  const line = lineOf(model as { line?: ReturnType<typeof lineOf> });
  const names = (kind === 'machine' ? line.machines : line.sources).map((t) => t.name);
  if (names.includes(name)) return;
  const near = closestText(name, names);
  issue(kind, `no ${kind} named "${name}"${near ? `; did you mean "${near}"?` : ` (the line has no ${kind}s)`}`);
}

const machineDownSchema = z.strictObject({
  atSec: z.number().nonnegative(),
  kind: z.literal('machine.down'),
  machine: z.string(),
  durationSec: z.number().positive().max(1e9),
});

/**
 * `{ atSec, kind: 'machine.down', machine: 'M2', durationSec }`: the machine stops (fired on tick
 * round(atSec·hz), effective at the end of that tick's line time) for `durationSec`, interrupting
 * setup or work, which resume afterwards. Logged as `machine.failed` with `scripted: true`.
 */
export const machineDown: ScriptedHandler<z.output<typeof machineDownSchema>> = {
  schema: machineDownSchema,
  check: (event, model, issue) => checkName('machine', event.machine, model, issue),
  fire(event, ctx) {
    const line = lineOf(ctx.model as { line?: ReturnType<typeof lineOf> });
    const run = lineRun(line, ctx);
    const t = nowSec(ctx);
    goDown(
      run,
      line.machines.findIndex((m) => m.name === event.machine),
      t,
      event.durationSec,
    );
    settle(run, t);
  },
};

const sourceBurstSchema = z.strictObject({
  atSec: z.number().nonnegative(),
  kind: z.literal('source.burst'),
  source: z.string(),
  units: z.number().int().positive().max(1e6),
});

/** `{ atSec, kind: 'source.burst', source: 'S1', units }`: a rush order, `units` released at once into the source's queue. */
export const sourceBurst: ScriptedHandler<z.output<typeof sourceBurstSchema>> = {
  schema: sourceBurstSchema,
  check: (event, model, issue) => checkName('source', event.source, model, issue),
  fire(event, ctx) {
    const line = lineOf(ctx.model as { line?: ReturnType<typeof lineOf> });
    const run = lineRun(line, ctx);
    const t = nowSec(ctx);
    burstSource(
      run,
      line.sources.findIndex((s) => s.name === event.source),
      event.units,
      t,
    );
    settle(run, t);
  },
};
