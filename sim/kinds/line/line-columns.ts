import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** "No event scheduled": a time later than any horizon (finite, so snapshots stay plain JSON). */
export const NEVER_SEC = 1e18;

/** Machine states, as stored in the `state` column (u8) and named in events. */
export const MACHINE_STATES = ['idle', 'working', 'blocked', 'starved', 'down', 'setup'] as const;
export type MachineStateName = (typeof MACHINE_STATES)[number];
/** State codes of the `state` column, in `MACHINE_STATES` order. */
export const MachineState = { Idle: 0, Working: 1, Blocked: 2, Starved: 3, Down: 4, Setup: 5 } as const;
export type MachineState = (typeof MachineState)[keyof typeof MachineState];

/**
 * A machine's row. Times are exact f64 seconds (not ticks). Each random stream (`rng*`) holds the
 * four xoshiro128** words of the stream `machine:<name>:<purpose>` (empty until the first tick seeds it).
 */
export const MACHINE_COLUMNS = {
  state: col.u8(MachineState.Idle),
  /** Unit held (being set up for, worked, or finished and blocked), −1 for none; its release time and product. */
  unit: col.i32(-1),
  unitReleasedSec: col.f64(0),
  unitProduct: col.i32(-1),
  /** Start and end of the current timed phase (setup, working, down); end `NEVER_SEC` when none. */
  phaseStartSec: col.f64(0),
  phaseEndSec: col.f64(NEVER_SEC),
  /** Next failure, absolute seconds (time basis: always scheduled while up; operations basis: only while working). */
  failAtSec: col.f64(NEVER_SEC),
  /** Operations basis: working seconds left until the next failure. */
  ttfLeftSec: col.f64(0),
  /** Setup and processing time still to do on the held unit (kept across failures: preempt-resume). */
  setupLeftSec: col.f64(0),
  workLeftSec: col.f64(0),
  lastProduct: col.i32(-1),
  unitsSinceSetup: col.i32(0),
  stateSinceSec: col.f64(0),
  processed: col.i32(0),
  scrapped: col.i32(0),
  rngProcess: col.list(),
  rngFailure: col.list(),
  rngRepair: col.list(),
  rngSetup: col.list(),
  rngQuality: col.list(),
} as const;
export type MachineTable = ThingTable<typeof MACHINE_COLUMNS>;

/** The machine kind's typed handle: its id, columns and table. */
export const machineRows = defineKind('machine', MACHINE_COLUMNS);

/** A source's row: released units waiting to be taken (`queue`, unit triples), the next arrival and its stream. */
export const SOURCE_COLUMNS = {
  nextArrivalSec: col.f64(NEVER_SEC),
  released: col.i32(0),
  queue: col.list(),
  rngArrival: col.list(),
} as const;
export type SourceTable = ThingTable<typeof SOURCE_COLUMNS>;

/** The source kind's typed handle: its id, columns and table. */
export const sourceRows = defineKind('source', SOURCE_COLUMNS);

/** A buffer's row: its units in FIFO order, as flattened triples (see `line-units.ts`). */
export const BUFFER_COLUMNS = { units: col.list() } as const;
export type BufferTable = ThingTable<typeof BUFFER_COLUMNS>;

/** The buffer kind's typed handle: its id, columns and table. */
export const bufferRows = defineKind('buffer', BUFFER_COLUMNS);

/** A sink's row: units received and the cycle time of the last one. */
export const SINK_COLUMNS = { received: col.i32(0), lastCycleSec: col.f64(0) } as const;
export type SinkTable = ThingTable<typeof SINK_COLUMNS>;

/** The sink kind's typed handle: its id, columns and table. */
export const sinkRows = defineKind('sink', SINK_COLUMNS);

/** The four line tables of a state. */
export interface LineTables {
  readonly source: SourceTable;
  readonly machine: MachineTable;
  readonly buffer: BufferTable;
  readonly sink: SinkTable;
}

export function lineTables(things: Record<string, ThingTable>): LineTables {
  return things as unknown as LineTables;
}
