import { createThingTable, tableFromPlain, tableToPlain, type ThingTable } from './columns.ts';
import type { SimModel } from '../model/sim-model.ts';
import { PhysicsWorld } from '../physics/rapier.ts';
import { Hasher } from '../util/hash.ts';
import { stateWithThings } from './create-state.ts';
import type { SimState } from './sim-state.ts';

/** Bump when the snapshot layout changes; restoring another version is refused. */
export const SNAPSHOT_VERSION = 2;

/**
 * Everything needed to continue an episode exactly: the sim's tables (as JSON), Rapier's world
 * bytes and the controller's saved state. Structured-cloneable, so it crosses worker boundaries.
 */
export interface SimSnapshot {
  version: number;
  scenario: string;
  tick: number;
  tables: string;
  world: Uint8Array;
  handles: string;
  controller: unknown;
  /** The cell controller's saved state (arms), if it has one. */
  cellController?: unknown;
}

/**
 * Fields of `SimState` that are not state: the physics world (hashed and snapshotted as Rapier's
 * own bytes), the kind tables (hashed table by table, in registry order), and per-advance scratch.
 * Every other field is serialised as JSON, so one added to `SimState` is hashed without a word here.
 */
const NOT_STATE: ReadonlySet<string> = new Set(['things', 'physics', 'events', 'changedTasks']);

/**
 * The sim's own tables (not the physics) as canonical JSON: same state ⇒ same string. A kind with
 * no things in this scenario writes nothing, so registering a new kind never moves the hash of a
 * scenario that does not use it.
 */
function tablesJson(model: SimModel, state: SimState): string {
  const things: Record<string, unknown> = {};
  for (const kind of model.kinds.kinds) {
    const table = state.things[kind.id]!;
    if (table.count > 0) things[kind.id] = tableToPlain(kind.columns, table);
  }
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(state)
    .filter((k) => !NOT_STATE.has(k))
    .sort())
    rest[key] = (state as unknown as Record<string, unknown>)[key];
  return JSON.stringify({ things, ...rest });
}

/**
 * 64-bit hash (16 hex chars) of the sim tables plus Rapier's world snapshot.
 * Costs a world snapshot (≈10 ms per 100 robots): call it at checkpoints, not every tick.
 */
export function hashState(model: SimModel, state: SimState): string {
  return new Hasher().string(tablesJson(model, state)).bytes(state.physics.snapshot()).hex();
}

/** Takes a snapshot of the state (and the controller's saved state, if any). */
export function snapshotState(model: SimModel, state: SimState, controller: unknown): SimSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    scenario: model.id,
    tick: state.tick,
    tables: tablesJson(model, state),
    world: state.physics.snapshot(),
    handles: state.physics.handlesJson(),
    controller,
  };
}

/** Rebuilds a live state from a snapshot of the same scenario. */
export function restoreState(model: SimModel, snap: SimSnapshot): SimState {
  if (snap.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${snap.version} is not supported (expected ${SNAPSHOT_VERSION})`);
  if (snap.scenario !== model.id) throw new Error(`snapshot is of scenario ${snap.scenario}, not ${model.id}`);
  const { things: plainThings, ...rest } = JSON.parse(snap.tables) as { things: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const things: Record<string, ThingTable> = {};
  for (const kind of model.kinds.kinds) {
    const plain = plainThings[kind.id];
    const count = model.things[kind.id]?.length ?? 0;
    if (!plain && count > 0) throw new Error(`snapshot has no table for kind "${kind.id}"`);
    things[kind.id] = plain ? tableFromPlain(kind.columns, plain, kind.id) : createThingTable(kind.columns, 0);
  }
  return stateWithThings(things, {
    ...(rest as Omit<SimState, 'things' | 'physics' | 'events' | 'changedTasks'>),
    physics: PhysicsWorld.restore(snap.world, snap.handles, model.dtSec, model.kinds.layers),
    events: [],
    changedTasks: [],
  });
}
