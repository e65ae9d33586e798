import type { FrameSectionLayout, Kpis, LoadPart, ScenarioOverrides, ScenarioSpecInput, SimEvent, SpecIssue } from '../../sim/page-api.ts';

/** What the worker offers: scenarios, controllers and the default choice. */
export interface CatalogInfo {
  scenarios: Array<{ id: string; name: string; title: string }>;
  controllers: string[];
  /** Controller modules that failed to load (`robots/controllers/`, `robots/cells/`): shown disabled with their error. */
  brokenControllers: Array<{ name: string; error: string }>;
  /** Cell controllers for arms (`pick-place`, and every `robots/cells/*.ts` module). */
  cellControllers: string[];
  defaultScenario: string;
  defaultController: string;
}

/** One robot model as drawn: chassis box in metres, and what it carries. */
export interface RobotShape {
  modelId: string;
  lengthM: number;
  widthM: number;
  heightM: number;
  /** The load type it carries (`pod`, `tote`, `pallet` …). */
  handles: string;
}

/** Static facts about the robots of a field: which model each robot is and how it looks. */
export interface RobotKindInfo {
  /** Robot model index per robot id, into `shapes`. */
  shapeOf: Uint8Array;
  shapes: RobotShape[];
}

/** How one load type looks: boxes in load coordinates (origin at its base centre), one colour. */
export interface LoadTypeLook {
  id: string;
  label: string;
  colorHex: number;
  seeThrough: boolean;
  parts: LoadPart[];
}

/** Static facts about the loads of a field: each load's type, and how each type looks. */
export interface LoadKindInfo {
  /** Load type per load id, an index into `types`. */
  typeOf: Uint8Array;
  /** The scenario's load types in registry order (pods, totes, pallets …). */
  types: LoadTypeLook[];
}

/**
 * Static per-kind facts a renderer may need beyond the frame, by kind id. A kind without an
 * entry is drawn from its frame section alone.
 */
export interface KindInfo {
  robot?: RobotKindInfo;
  load?: LoadKindInfo;
}

/** Everything static the renderer needs to draw a field. */
export interface SceneInfo {
  scenarioId: string;
  title: string;
  cols: number;
  rows: number;
  cellM: number;
  /** CellKind per cell, row-major (row 0 north, at z = 0). */
  cells: Uint8Array;
  /** The frame layout: one section per kind of thing that moves, in kind-registry order. */
  sections: FrameSectionLayout[];
  kindInfo: KindInfo;
  /** Things of each kind the scenario has (kinds with none left out): which KPIs it can show (absent: counted from `sections`). */
  thingCounts?: Record<string, number>;
  hz: number;
  horizonTicks: number;
  seed: number;
}

/** Poses of one tick: one array per kind (`count * stride` floats, laid out as in `SceneInfo.sections`). */
export type FrameSections = Record<string, Float32Array>;

/** What to load: a registered scenario by id, a spec given inline, or one the worker opened from files. */
export interface LoadOptions {
  scenario?: string;
  spec?: ScenarioSpecInput;
  /** Handle of the scenario the worker made from dropped or picked files (`SimWorkerApi.openFiles`). */
  opened?: number;
  controller: string;
  /** Cell controller (arms): a registered name or a `robots/cells/*.ts` module; `pick-place` for a scenario with arms when absent. */
  cellController?: string;
  seed?: number;
  overrides?: ScenarioOverrides;
}

/** Outcome of a load: the field and an episode token, or why the scenario was refused. */
export type LoadOutcome = { ok: true; episode: number; scene: SceneInfo } | { ok: false; reason: string; issues: SpecIssue[]; scene: SceneInfo | null };

/**
 * Dropped or picked files as the worker opened them: a handle to load (`LoadOptions.opened`), the
 * file name, the scenario picker's label and the importer's warnings; or why not (a sentence and
 * a `file:line: reason` line per problem).
 */
export type OpenFilesOutcome =
  | { ok: true; opened: number; name: string; label: string; robots: number; warnings: string[] }
  | { ok: false; message: string; problems: string[] };

/** Poses after an advance. With shared memory each section is a view of a shared buffer slot. */
export interface StepResult {
  episode: number;
  tick: number;
  done: boolean;
  events: SimEvent[];
  sections: FrameSections;
  /** Worker milliseconds spent advancing (wall clock, for display only). */
  workerMs: number;
}

/** The state of one robot as the side panel shows it. */
export interface RobotDetail {
  robot: number;
  tick: number;
  modelId: string;
  mode: string;
  speedMps: number;
  batteryWh: number;
  capacityWh: number;
  carriedLoad: number;
  task: { id: number; phase: string; load: number; station: number } | null;
  /** Remaining route as world positions (x, z pairs), starting at the robot. */
  routeXZ: number[];
}

/** The worker's API as comlink exposes it (all methods are async on the main thread). */
export interface SimWorkerApi {
  catalog(): CatalogInfo;
  /** Async for an ONNX policy (its model is fetched and its inference session built first). */
  load(options: LoadOptions): LoadOutcome | Promise<LoadOutcome>;
  /** Advances up to `ticks` ticks, or for about `budgetMs` when given (whichever ends first); async for a policy that infers asynchronously. */
  advance(ticks: number, budgetMs?: number): StepResult | Promise<StepResult>;
  hash(): string;
  kpis(): Kpis;
  robotDetail(robot: number): RobotDetail | null;
  /** Draws the field of a spec without running it (replays). */
  describe(spec: ScenarioSpecInput): LoadOutcome;
  /**
   * Reads, parses and imports dropped or picked files (a scenario `.json`, a LoRR problem with its
   * files, a MovingAI `.map`) and keeps the scenario for a `load({ opened })`; `robots` for a bare map.
   */
  openFiles(files: File[], robots?: number): Promise<OpenFilesOutcome>;
  /** The spec of opened files by handle (the layout editor edits it), or null when no longer held. */
  openedSpec(opened: number): ScenarioSpecInput | null;
}

/** Key of the worker's heartbeat messages (`{ [HEARTBEAT_KEY]: n }`), posted every {@link HEARTBEAT_EVERY_MS}. */
export const HEARTBEAT_KEY = '__testfieldHeartbeat';
export const HEARTBEAT_EVERY_MS = 250;
/** How often the page checks the heartbeat, milliseconds. */
export const HEARTBEAT_CHECK_EVERY_MS = 250;
/**
 * A worker silent this long is hung (its event loop is blocked: a controller that never returns):
 * the budget headless gives one `decide` (`DEFAULT_CONTROLLER_BUDGET_MS`), so a loaded machine
 * that headless tolerates does not end the page's worker either.
 */
export const HUNG_AFTER_MS = 5000;
/**
 * While the worker starts (module, WASM), loads a scenario (compile, controller reset) or runs the
 * first advance after a load (first decide, JIT), it may be silent this long: more than the 20 s
 * headless gives setup, since a page also competes with its own rendering.
 */
export const HUNG_WHILE_LOADING_MS = 30_000;

/** {@link SimWorkerApi} with every method returning a promise, as the worker exposes it. */
export type AsyncSimWorkerApi = {
  [K in keyof SimWorkerApi]: SimWorkerApi[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
