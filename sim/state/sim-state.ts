import type { SimEvent } from '../events/sim-event.ts';
import type { PhysicsWorld } from '../physics/rapier.ts';
import type { ThingTable } from './columns.ts';

/**
 * Everything that changes during an episode. Only this is snapshotted and hashed: every field
 * except those in `NOT_STATE` (see snapshot.ts) is serialised generically, so a new field cannot be
 * forgotten.
 */
export interface SimState {
  tick: number;
  seed: number;
  /** One state table per kind of thing, by kind id (the kind registry declares the columns). */
  things: Record<string, ThingTable>;
  /**
   * Each kind's state beyond its table, by kind id (lists such as orders and tasks): plain JSON
   * data, hashed and snapshotted with the rest (see `KindDef.createData`).
   */
  data: Record<string, unknown>;
  /** The Rapier world (its snapshot is part of the state). */
  physics: PhysicsWorld;
  /** Events of the current advance; hosts drain them. Not part of the hash. */
  events: SimEvent[];
  /**
   * Ids of tasks added, changed or removed since the last cached observation (see `taskChanged`),
   * so `observe` need not re-read the whole backlog. A hint only: not part of the hash or snapshot.
   */
  changedTasks: number[];
}
