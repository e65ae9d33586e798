import type { Kpis, ScenarioOverrides, ScenarioSpecInput, SimEvent, SpecIssue } from '../../sim/index.ts';

/** What the worker offers: scenarios, controllers and the default choice. */
export interface CatalogInfo {
  scenarios: Array<{ id: string; name: string; title: string }>;
  controllers: string[];
  defaultScenario: string;
  defaultController: string;
}

/** One robot model as drawn: chassis box in metres, and what it carries. */
export interface RobotShape {
  modelId: string;
  lengthM: number;
  widthM: number;
  heightM: number;
  handles: 'pod' | 'tote';
}

/** Everything static the renderer needs to draw a field. */
export interface SceneInfo {
  scenarioId: string;
  title: string;
  cols: number;
  rows: number;
  cellM: number;
  /** CellKind per cell, row-major (row 0 north, at z = 0). */
  kinds: Uint8Array;
  /** Robot model index per robot, into `shapes`. */
  robotShape: Uint8Array;
  shapes: RobotShape[];
  /** Load kind per load: 0 pod, 1 tote. */
  loadKind: Uint8Array;
  pod: { widthM: number; heightM: number; clearanceM: number };
  tote: { widthM: number; heightM: number };
  hz: number;
  horizonTicks: number;
  seed: number;
}

/** What to load: a registered scenario by id, or a spec given inline (a dropped JSON file). */
export interface LoadOptions {
  scenario?: string;
  spec?: ScenarioSpecInput;
  controller: string;
  seed?: number;
  overrides?: ScenarioOverrides;
}

/** Outcome of a load: the field and an episode token, or why the scenario was refused. */
export type LoadOutcome =
  | { ok: true; episode: number; scene: SceneInfo }
  | { ok: false; reason: string; issues: SpecIssue[]; scene: SceneInfo | null };

/** Poses after an advance. With shared memory `robots`/`loads` are views of a shared buffer slot. */
export interface StepResult {
  episode: number;
  tick: number;
  done: boolean;
  events: SimEvent[];
  robots: Float32Array;
  loads: Float32Array;
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
  load(options: LoadOptions): LoadOutcome;
  /** Advances up to `ticks` ticks, or for about `budgetMs` when given (whichever ends first). */
  advance(ticks: number, budgetMs?: number): StepResult;
  hash(): string;
  kpis(): Kpis;
  robotDetail(robot: number): RobotDetail | null;
  /** Draws the field of a spec without running it (replays). */
  describe(spec: ScenarioSpecInput): LoadOutcome;
  /** Throws inside the worker's event loop (tests the crash banner). */
  crash(): void;
}

/** {@link SimWorkerApi} with every method returning a promise, as the worker exposes it. */
export type AsyncSimWorkerApi = {
  [K in keyof SimWorkerApi]: SimWorkerApi[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
