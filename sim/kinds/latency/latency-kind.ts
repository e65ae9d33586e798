import { col, type ThingTable } from '../../kind/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';
import type { KindDef } from '../../kind/kind-def.ts';

/**
 * Commands in flight under `command.latency`: one row per batch that can be pending at once (the
 * largest latency in the timeline, plus one). Rows exist only when the timeline has a latency
 * fault. A batch is kept as the character codes of its JSON, so it is hashed and snapshotted like
 * every other column (see `delayCommands` in sim/control).
 */
export const LATENCY_COLUMNS = {
  dueTick: col.i32(-1), // tick the batch is applied on, or -1 for a free row
  issuedTick: col.i32(-1), // tick the controller issued it
  batch: col.list(), // the commands, JSON as UTF-16 code units
} as const;

export type LatencyTable = ThingTable<typeof LATENCY_COLUMNS>;

/** The latency kind's typed handle: its id, columns and table. */
export const latencyRows = defineKind('latency', LATENCY_COLUMNS);

export const latencyKind: KindDef<undefined, { id: number }, typeof LATENCY_COLUMNS> = {
  id: 'latency',
  columns: LATENCY_COLUMNS,
  compile(ctx) {
    const events = (ctx.spec.events ?? []) as ReadonlyArray<{ kind: string; controlTicks?: number }>;
    const max = events.reduce((m, e) => (e.kind === 'command.latency' ? Math.max(m, e.controlTicks ?? 0) : m), 0);
    return { things: max > 0 ? Array.from({ length: max + 1 }, (_, id) => ({ id })) : [] };
  },
};
