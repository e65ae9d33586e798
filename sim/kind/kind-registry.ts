import { WORLD_LEGEND } from '../model/layout-grid.ts';
import type { KindDef, LegendEntry, ScriptedHandler } from './kind-def.ts';
import type { LoadTypeDef } from './load-type.ts';
import { STAGE_SLOTS, type StageContext, type StageSlot } from './stage-slots.ts';

declare module '../model/sim-model.ts' {
  interface SimModel {
    /** The kinds of things this scenario was compiled with. */
    readonly kinds: KindRegistry;
  }
}

/** Kinds in registry order, with the lookups the core needs, built once. */
export interface KindRegistry {
  readonly kinds: readonly KindDef[];
  /** Registry index of a kind id, or -1. */
  indexOf(id: string): number;
  get(id: string): KindDef | undefined;
  /** Layout characters of the world (`kind: 'world'`) and of every kind. */
  readonly legend: Readonly<Record<string, LegendEntry & { kind: string }>>;
  /** Scripted event handlers by event kind, with the kind that owns each. */
  readonly scripted: ReadonlyMap<string, { kind: string; handler: ScriptedHandler }>;
  /** Stage runners per slot, kinds in registry order. */
  readonly stages: Readonly<Record<StageSlot, ReadonlyArray<(ctx: StageContext) => void>>>;
  /** The kind whose things drive and take fleet commands (the first declaring `floorPosition`: robots), if any. */
  readonly drivers: KindDef | undefined;
  /** Kinds that write sections of the fleet observation, in registry order. */
  readonly fleetViews: readonly KindDef[];
  /** Kinds that check their poses for the watchdog, in registry order. */
  readonly poseCheckers: readonly KindDef[];
  /** Kinds with a command filter, in registry order. */
  readonly commandFilters: readonly KindDef[];
  /** Kinds with an observation filter, in registry order. */
  readonly observationFilters: readonly KindDef[];
  /** Load types the kinds declare (`KindDef.loadType`), in registry order. */
  readonly loadTypes: readonly LoadTypeDef[];
  /** Collision layer names in bit order (the world's own `floor` and `static` first). */
  readonly layers: readonly string[];
  /** Layers that meet the floor and the static world (walls, stands): the world colliders' filters. */
  readonly meets: { readonly floor: readonly string[]; readonly static: readonly string[] };
}

/** Collision layers of the world itself, before any kind's. */
export const WORLD_LAYERS = ['floor', 'static'] as const;

/**
 * A registry of the given kinds, checked: unique ids, each layout character, scripted event,
 * load type and collision layer owned by one kind, at most 16 layers.
 * @throws Error naming the clash.
 */
export function createKindRegistry(kinds: readonly KindDef[]): KindRegistry {
  const byId = new Map<string, number>();
  const legend: Record<string, LegendEntry & { kind: string }> = {};
  for (const [char, entry] of Object.entries(WORLD_LEGEND)) legend[char] = { ...entry, kind: 'world' };
  const scripted = new Map<string, { kind: string; handler: ScriptedHandler }>();
  const layers: string[] = [...WORLD_LAYERS];
  const loadTypes: LoadTypeDef[] = [];
  const loadTypeKinds: string[] = [];
  const meetsFloor: string[] = [];
  const meetsStatic: string[] = [];
  const stages = Object.fromEntries(STAGE_SLOTS.map((s) => [s, [] as Array<(ctx: StageContext) => void>])) as Record<
    StageSlot,
    Array<(ctx: StageContext) => void>
  >;
  kinds.forEach((kind, index) => {
    if (!/^[a-z][a-z0-9-]*$/.test(kind.id)) throw new Error(`kind id "${kind.id}" must be lowercase letters, digits and dashes`);
    if (byId.has(kind.id)) throw new Error(`kind "${kind.id}" is registered twice`);
    byId.set(kind.id, index);
    for (const [char, entry] of Object.entries(kind.legend ?? {})) {
      if ([...char].length !== 1) throw new Error(`kind "${kind.id}": layout key ${JSON.stringify(char)} is not one character`);
      if (legend[char]) throw new Error(`layout character ${JSON.stringify(char)} is claimed by kinds "${legend[char]!.kind}" and "${kind.id}"`);
      legend[char] = { ...entry, kind: kind.id };
    }
    if (kind.loadType) {
      const type = kind.loadType;
      if (!/^[a-z][a-z0-9-]*$/.test(type.id)) throw new Error(`kind "${kind.id}": load type "${type.id}" must be lowercase letters, digits and dashes`);
      const twin = loadTypes.find((t) => t.id === type.id);
      if (twin) throw new Error(`load type "${type.id}" is declared by kinds "${loadTypeKinds[loadTypes.indexOf(twin)]}" and "${kind.id}"`);
      if (!kind.legend?.[type.char])
        throw new Error(`kind "${kind.id}": load type "${type.id}" starts on ${JSON.stringify(type.char)}, which is not in its legend`);
      loadTypes.push(type);
      loadTypeKinds.push(kind.id);
    }
    for (const [name, handler] of Object.entries(kind.scripted ?? {})) {
      if (scripted.has(name)) throw new Error(`scripted event "${name}" is handled by kinds "${scripted.get(name)!.kind}" and "${kind.id}"`);
      scripted.set(name, { kind: kind.id, handler });
    }
    for (const [layer, { meets }] of Object.entries(kind.layers ?? {})) {
      if (layers.includes(layer)) throw new Error(`collision layer "${layer}" is declared twice (kind "${kind.id}")`);
      layers.push(layer);
      if (meets.includes('floor')) meetsFloor.push(layer);
      if (meets.includes('static')) meetsStatic.push(layer);
    }
    for (const stage of kind.stages ?? []) {
      if (stage.slot === 'physics' || stage.slot === 'contacts') throw new Error(`kind "${kind.id}": slot "${stage.slot}" belongs to the core`);
      stages[stage.slot].push(stage.run);
    }
  });
  if (layers.length > 16) throw new Error(`${layers.length} collision layers; Rapier's groups hold 16`);
  return Object.freeze({
    kinds: Object.freeze([...kinds]),
    indexOf: (id: string) => byId.get(id) ?? -1,
    get: (id: string) => {
      const i = byId.get(id);
      return i === undefined ? undefined : kinds[i];
    },
    legend: Object.freeze(legend),
    scripted,
    stages,
    drivers: kinds.find((k) => k.floorPosition),
    fleetViews: Object.freeze(kinds.filter((k) => k.fleetView)),
    poseCheckers: Object.freeze(kinds.filter((k) => k.checkPoses)),
    commandFilters: Object.freeze(kinds.filter((k) => k.filterCommands)),
    observationFilters: Object.freeze(kinds.filter((k) => k.filterObservation)),
    loadTypes: Object.freeze(loadTypes),
    layers: Object.freeze(layers),
    meets: Object.freeze({ floor: Object.freeze(meetsFloor), static: Object.freeze(meetsStatic) }),
  });
}
