import type { KindDef } from '../../kind/kind-def.ts';
import { delayCommands } from './delay-commands.ts';
import { LATENCY_COLUMNS } from './latency-columns.ts';

/** Commands in flight under `command.latency` (see {@link delayCommands}): a command filter. */

export const latencyKind: KindDef<undefined, { id: number }, typeof LATENCY_COLUMNS> = {
  id: 'latency',
  columns: LATENCY_COLUMNS,
  compile(ctx) {
    const events = (ctx.spec.events ?? []) as ReadonlyArray<{ kind: string; controlTicks?: number }>;
    const max = events.reduce((m, e) => (e.kind === 'command.latency' ? Math.max(m, e.controlTicks ?? 0) : m), 0);
    return { things: max > 0 ? Array.from({ length: max + 1 }, (_, id) => ({ id })) : [] };
  },
  filterCommands: (issued, { model, state }) => delayCommands(model, state, issued),
};
