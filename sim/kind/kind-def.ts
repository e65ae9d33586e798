import type { ZodType } from 'zod';
import type { FleetObservation, FleetViewSections } from '../control/types.ts';
import type { SimEvent } from '../events/sim-event.ts';
import type { KindKpiMeta } from './kpi-meta.ts';
import type { LayoutChar, LayoutGrid } from '../model/layout-grid.ts';
import type { Roadmap } from '../model/roadmap.ts';
import type { SimModel } from '../model/sim-model.ts';
import type { PhysicsBuilder } from '../physics/physics-builder.ts';
import type { SimState } from '../state/sim-state.ts';
import type { ColumnSpec, ThingTable } from '../state/columns.ts';
import type { StageContext, StageSlot } from './stage-slots.ts';
import type { LoadTypeDef } from './load-type.ts';

/** A layout character a kind owns: what the grid records there, and what it means (for docs and errors). */
export type LegendEntry = LayoutChar;

/** What a kind's `compile` is given: its own spec section, the parsed floor, and a place for issues. */
export interface KindCompileContext<S> {
  /** The kind's section of the spec (already validated by its schema), or undefined when absent. */
  readonly section: S | undefined;
  /** The whole validated spec, for cross-section checks. */
  readonly spec: Readonly<Record<string, unknown>>;
  readonly grid: LayoutGrid;
  readonly roadmap: Roadmap;
  /** Layout cells (row-major index) showing `char`, in reading order. */
  cellsOf(char: string): readonly number[];
  /** What kinds compiled before this one made (registry order), by kind id. */
  compiled(kind: string): readonly unknown[];
  /** Host-given catalogues (e.g. robot models), by name. */
  readonly catalog: Readonly<Record<string, unknown>>;
  /** The load types the registry's kinds declare (`KindDef.loadType`), in registry order. */
  readonly loadTypes: readonly LoadTypeDef[];
  /** Report a problem: `path` is a full spec path such as `fleet[0].count`. */
  issue(path: string, message: string): void;
}

/** What a kind's `checkSection` is given: the host's catalogues and a place for issues. */
export interface KindSectionCheckContext {
  /** Host-given catalogues (e.g. robot models), by name. */
  readonly catalog: Readonly<Record<string, unknown>>;
  /** Report a problem: `path` is a full spec path such as `fleet[0].model`. */
  issue(path: string, message: string): void;
}

/**
 * A scripted event a kind handles, authored in the spec's `events` timeline as
 * `{ atSec, kind: '<name>', … }` and fired on the tick `round(atSec · hz)`.
 */
export interface ScriptedHandler<E extends { atSec: number; kind: string } = { atSec: number; kind: string }> {
  /** The event's schema (including `atSec` and its `kind` literal). */
  readonly schema: ZodType<E>;
  /** Checks against the compiled model (e.g. that the robot named exists). */
  check?(event: E, model: SimModel, issue: (field: string, message: string) => void): void;
  /** Applies the event; the core has already logged `scripted.fired`. */
  fire(event: E, ctx: StageContext): void;
}

/** A contact that began or ended between two physics owners, each named by kind index and id. */
export interface ContactBetween {
  /** Owner kind indices: -2 the floor, -1 static world (walls, stands), else a kind registry index. */
  readonly kindA: number;
  readonly idA: number;
  readonly kindB: number;
  readonly idB: number;
}

/**
 * KPI contribution of a kind: a pure reducer over events, with plain-data running totals, and
 * the meaning of every figure `finalize` returns (title, unit, which way is better, format,
 * headline precedence): summaries, the page's panel, reports and gates are drawn from it.
 */
export interface KindKpis<A = unknown> {
  create(hz: number): A;
  reduce(acc: A, event: SimEvent): void;
  finalize(acc: A, simulatedSec: number): Record<string, number>;
  readonly meta: KindKpiMeta;
}

/**
 * The work a kind exists to get done, for the progress watchdog: which events deliver a piece of
 * it and how many pieces wait now. A scenario whose waiting work sees no delivery for a while has
 * stalled (`progress.stalled`), whatever its KPIs say.
 */
export interface KindProgress {
  /** Name of a piece of work, plural: `orders`, `errands`, `units`. */
  readonly unit: string;
  /** Event types that each deliver one piece (`order.delivered`). */
  readonly deliveredBy: readonly string[];
  /** Pieces of work waiting now (released, not delivered). */
  waiting(model: SimModel, state: SimState): number;
  /**
   * Whether work that will deliver is under way now (a machine working, being set up or repaired):
   * a long gap between deliveries is then not a stall. Absent: waiting work alone decides.
   */
  underWay?(model: SimModel, state: SimState): boolean;
}

/** A kind's section of the pose frame: its field names and a writer for `count · fields.length` floats. */
export interface KindFrame {
  readonly fields: readonly string[];
  write(model: SimModel, state: SimState, out: Float32Array): void;
}

/**
 * What robots' safety fields see of a kind's things (people, a dropped tote, a blocked aisle):
 * one circle per thing on the floor now. Robots slow for it and stop `keepOutM` short of it.
 */
export interface KindFootprints {
  /** Calls `add` for each thing on the floor now: its id, centre (metres) and radius, and the extra distance robots keep. */
  write(model: SimModel, state: SimState, add: (id: number, x: number, z: number, radiusM: number, keepOutM: number) => void): void;
}

/** One of a kind's stages: run every tick in its fixed slot (kinds in registry order within a slot). */
export interface KindStage {
  readonly slot: StageSlot;
  run(ctx: StageContext): void;
}

/**
 * A kind whose things other things can hold: a gripper grasps an item, a conveyor carries a tote.
 * The holder poses a held thing's body every tick (it is kinematic while held); `release` hands it
 * back to physics (dynamic at its current pose: it falls, slides and settles, and is counted if it
 * ends up where it should not).
 */
export interface HoldableKind {
  /** Whether thing `id` exists, is in play and is held by nobody. */
  canHold(ctx: StageContext, id: number): boolean;
  /** Marks thing `id` held by `(holderKind, holderId)` and makes its body kinematic. */
  hold(ctx: StageContext, id: number, holderKind: number, holderId: number): void;
  /** Lets thing `id` go: held by nobody, its body dynamic at its current pose. */
  release(ctx: StageContext, id: number): void;
  /** Who holds thing `id`: `[holderKind, holderId]`, or `[-1, -1]`. */
  holderOf(ctx: StageContext, id: number): readonly [number, number];
}

/**
 * A kind of thing in the test field (robot, load, station, conveyor, machine, arm, person …).
 * Everything the core does with things goes through these declarations: the spec section and its
 * validation, layout characters, state columns (hash, snapshot, restore and frames are generic),
 * physics bodies, stages in fixed slots of the tick, scripted events, contacts, observations,
 * commands and KPIs. A new kind joins by being listed in a kind registry; no core file changes.
 */
export interface KindDef<S = unknown, M = unknown, C extends ColumnSpec = ColumnSpec> {
  /** Registry id, lowercase: `robot`, `load`, `conveyor` … Also its state key (`state.things[id]`). */
  readonly id: string;
  /** Its section of the scenario spec: a top-level key and the zod schema of its value. */
  readonly spec?: { readonly key: string; readonly schema: ZodType<S>; readonly required?: boolean; readonly description?: string };
  /** Layout characters this kind owns. */
  readonly legend?: Readonly<Record<string, LegendEntry>>;
  /**
   * A type of load robots carry (pod, tote, pallet …) that this kind adds to the load kind's table of
   * types; its layout character must be in this kind's `legend`. The load kind compiles, builds,
   * observes and frames the loads of every type; the page draws them from the type's `look`.
   */
  readonly loadType?: LoadTypeDef;
  /** State columns, one row per thing. */
  readonly columns: C;
  /**
   * Compiles the kind's things (frozen afterwards); their count is the table's row count.
   * `model` adds derived, read-only fields to the `SimModel` (e.g. `storageNodes`).
   */
  compile?(ctx: KindCompileContext<S>): { readonly things: readonly M[]; readonly model?: Readonly<Record<string, unknown>> };
  /**
   * The floor to use when the spec has no `layout` but has this kind's section: a kind whose things
   * need no drawn floor (a production line) lays out its own. Without such a kind, `layout` is required.
   */
  floorWithoutLayout?(section: S): { readonly rows: readonly string[]; readonly cellM: number };
  /**
   * Checks of the kind's section that need nothing but the section (already valid against its
   * schema) and the host's catalogues, such as model names. They run when the rest of the spec
   * fails (its structure elsewhere, or its layout), so that every problem is named at once;
   * when the spec is sound, `compile` reports the same problems itself.
   */
  checkSection?(section: S, ctx: KindSectionCheckContext): void;
  /**
   * The kind's state beyond its table at tick 0 (lists such as orders and tasks, a random stream's
   * words): plain JSON data under `state.data[id]`, hashed and snapshotted with the rest of the
   * state. Random streams are forked from `seed` by name.
   */
  createData?(model: SimModel, seed: number): unknown;
  /** Sets the rows' starting values at tick 0 (after every column got its `init`). */
  init?(table: ThingTable<C>, model: SimModel): void;
  /**
   * The kind's collision table: the layers its colliders belong to (bits are given in registry
   * order) and, for each, the layers it meets (`floor` and `static` are the world's). A collider
   * lists the layers it meets itself (a subset), so one kind may have parts that meet less.
   */
  readonly layers?: Readonly<Record<string, { readonly meets: readonly string[] }>>;
  /** Builds its bodies. Kinds build in ascending `buildOrder`, then registry order. */
  build?(physics: PhysicsBuilder, model: SimModel): void;
  readonly buildOrder?: number;
  readonly stages?: readonly KindStage[];
  /**
   * Event speed: the first tick ≥ `state.tick` at which this kind's stages would change the state
   * or log an event, if nothing else changed before. A host may skip the ticks before it (no
   * physics step, no stages) when every kind with stages says so and the world has no moving
   * body. Absent: a kind with things is busy every tick; one without things never is.
   */
  nextBusyTick?(ctx: StageContext): number;
  /** Scripted events the kind handles, by event kind (`robot.stall`). */
  readonly scripted?: Readonly<Record<string, ScriptedHandler<any>>>;
  /**
   * Turns a contact that began into events. A pair goes to the first kind (registry order) of its
   * two owners; a kind without `onContact` gets the default `contact.began` named `a/b`.
   */
  onContact?(contact: ContactBetween, ctx: StageContext): void;
  readonly frame?: KindFrame;
  /** Bodies the robots' safety fields see (a kind whose colliders meet `robot` should declare them). */
  readonly footprints?: KindFootprints;
  /**
   * The kind's sections of the fleet controller's observation (`observation.robots`, `loads`,
   * `stations`, `tasks`, `storageNodes`, `chargerNodes`), written in registry order each control
   * tick. `cache` is the kind's own (from `createCache`), kept by the observer between control
   * ticks so views that did not change are handed out again; null when the observer keeps none.
   */
  readonly fleetView?: {
    createCache(): unknown;
    write(
      ctx: { readonly model: SimModel; readonly state: SimState; readonly scan: { beams: number; rangeM: number } | undefined },
      cache: any,
      out: Partial<FleetViewSections>,
    ): void;
  };
  /**
   * The kind's part of the controller's observation (`observation.things[id]`): copies or frozen
   * views. `cache` is the kind's own (from {@link createObserveCache}), kept by the observer
   * between control ticks so a view that did not change can be handed out again (the same frozen
   * object: an isolated controller's codec then sends only what changed); a fresh one when the
   * observer keeps none.
   */
  observe?(model: SimModel, state: SimState, cache: any): unknown;
  /** A new, empty cache for {@link observe} (absent: `observe` keeps nothing between ticks). */
  createObserveCache?(): unknown;
  /**
   * The watchdog's check of the kind's poses at the end of every tick: the first thing whose pose
   * is impossible (not a number, below the floor, off the layout) and why, or null. A trip stops
   * the episode (`watchdog.tripped`).
   */
  checkPoses?(ctx: StageContext): { readonly thing: number; readonly reason: string } | null;
  /**
   * Makes the kind's things hold safely after the controller failed (`reason`): stop, drop their
   * routes, finish what cannot be interrupted. Logs what it rejected.
   */
  holdSafely?(ctx: { readonly model: SimModel; readonly state: SimState }, reason: string): void;
  /**
   * Where thing `id` stands on the floor now (x, z metres), for kinds whose things drive: the
   * progress watchdog names those that have not moved for a while.
   */
  floorPosition?(state: SimState, id: number): readonly [number, number];
  /**
   * A command filter: given the commands a controller issued at a control tick, returns those to
   * apply now (command latency holds a batch back and releases it later). Kinds filter in
   * registry order; the core applies what the last one returns.
   */
  filterCommands?(issued: readonly unknown[], ctx: { readonly model: SimModel; readonly state: SimState }): readonly unknown[];
  /**
   * An observation filter: changes the controller's view in place before it is handed out (sensor
   * noise, dropped scan beams), in registry order. It must not change the state.
   */
  filterObservation?(observation: FleetObservation, ctx: { readonly model: SimModel; readonly state: SimState }, scanRangeM: number | undefined): void;
  /** Applies this tick's commands addressed to the kind (`{ thing: id, … }`); invalid ones are rejected. */
  applyCommands?(commands: readonly unknown[], ctx: StageContext): void;
  /** Present when other kinds' things can hold this kind's things (see {@link HoldableKind}). */
  readonly holdable?: HoldableKind;
  readonly kpis?: KindKpis<any>;
  /** The work the kind delivers, watched for stalls (see {@link KindProgress}). */
  readonly progress?: KindProgress;
  /** Per-episode working memory (caches, spatial indices): never hashed or snapshotted. */
  createScratch?(model: SimModel): unknown;
}
