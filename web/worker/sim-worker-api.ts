import * as Comlink from 'comlink';
import { orderRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { DEFAULT_CONTROLLER, defaultCellController, hostCatalog } from '../../robots/index.ts';
import { DEFAULT_SCENARIO, findScenario, scenarios } from '../../scenarios/index.ts';
import {
  ScenarioSpecError,
  robotModeName,
  SimHost,
  compileScenario,
  watchdogTripped,
  validateScenario,
  type CellControllerFactory,
  type ControllerFactory,
  type Kpis,
  type ScenarioSpecInput,
  type SimEvent,
} from '../../sim/index.ts';
import type { CatalogInfo, LoadOptions, LoadOutcome, OpenFilesOutcome, RobotDetail, SimWorkerApi, StepResult } from '../shared/protocol.ts';
import { fileScenarioLabel } from '../ui/share-url.ts';
import { openScenarioFiles } from './open-scenario-files.ts';
import { cellControllerCatalog, controllerCatalog, policyCatalog, type BrokenModule } from './controller-catalog.ts';
import { policyFactory } from './policy-runtime.ts';
import { sectionBuffers, SharedFrameSlots } from './frame-slots.ts';
import { sceneFromModel, sceneFromRawSpec } from './scene-info.ts';

/** At most this many ticks per `advance` call, so one call never blocks the worker for long. */
const MAX_TICKS_PER_CALL = 20_000;
/** Ticks stepped between budget checks while ticks are cheap; one at a time once a tick takes more than a quarter of the budget (10,000 robots). */
const TICKS_PER_BUDGET_CHECK = 4;

/** The worker side of the test field: one `SimHost`, paced by the main thread. */
export class SimWorker implements SimWorkerApi {
  private readonly policies: ReadonlyMap<string, string> = policyCatalog();
  /** Whether the loaded controller infers asynchronously (an ONNX policy): advance awaits it. */
  private asyncController = false;
  private slots: SharedFrameSlots | null = null;
  private readonly shared = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated && typeof SharedArrayBuffer === 'function';
  /** The scenario made from the files opened last (`openFiles`), by handle: only the newest is kept. */
  private opened: { handle: number; spec: ScenarioSpecInput } | null = null;
  private openedCount = 0;
  /** Wall milliseconds of the last tick stepped under a budget (sizes the next chunk). */
  private lastTickMs = 0;

  private constructor(
    private readonly host: SimHost,
    private readonly controllers: ReadonlyMap<string, ControllerFactory>,
    private readonly cellControllers: ReadonlyMap<string, CellControllerFactory>,
    /** User modules that failed to load: listed in the picker, disabled, with their error. */
    private readonly broken: readonly BrokenModule[],
    /** Loadable by name but never listed (the end-to-end tests' misbehaving controllers). */
    private readonly hidden: ReadonlyMap<string, ControllerFactory>,
  ) {}

  /** @param hidden controllers loadable by name but not listed in the picker (the tests' `test/…` ones) */
  static async create(hidden: ReadonlyMap<string, ControllerFactory> = new Map()): Promise<SimWorker> {
    const [host, fleet, cells] = await Promise.all([SimHost.create(hostCatalog, () => performance.now()), controllerCatalog(), cellControllerCatalog()]);
    return new SimWorker(host, fleet.factories, cells.factories, [...fleet.broken, ...cells.broken.map((b) => ({ ...b, name: `cell ${b.name}` }))], hidden);
  }

  catalog(): CatalogInfo {
    const list = Object.entries(scenarios).map(([id, spec]) => ({ id, name: id.split('@')[0]!, title: spec.title }));
    const names = [...this.controllers.keys(), ...this.policies.keys()];
    return {
      scenarios: list,
      controllers: names,
      brokenControllers: [...this.broken],
      cellControllers: [...this.cellControllers.keys()],
      defaultScenario: DEFAULT_SCENARIO,
      defaultController: names.includes(DEFAULT_CONTROLLER) ? DEFAULT_CONTROLLER : names[0]!,
    };
  }

  async openFiles(files: File[], robots?: number): Promise<OpenFilesOutcome> {
    const result = await openScenarioFiles(files, robots !== undefined ? { robots } : {});
    if (!result.ok) return result;
    this.openedCount += 1;
    this.opened = { handle: this.openedCount, spec: result.spec };
    const fleet = (result.spec as { fleet?: Array<{ count?: unknown }> }).fleet;
    const count = Array.isArray(fleet) ? fleet.reduce((n, f) => n + (typeof f?.count === 'number' ? f.count : 0), 0) : 0;
    return {
      ok: true,
      opened: this.openedCount,
      name: result.name,
      label: fileScenarioLabel(result.spec, result.name),
      robots: count,
      warnings: result.warnings,
    };
  }

  openedSpec(opened: number): ScenarioSpecInput | null {
    return this.opened?.handle === opened ? this.opened.spec : null;
  }

  /** The spec of `options`: inline, opened from files, or registered; a reason when there is none. */
  private specOf(options: LoadOptions): ScenarioSpecInput | string {
    if (options.spec !== undefined) return options.spec;
    if (options.opened !== undefined) {
      if (this.opened?.handle === options.opened) return this.opened.spec;
      return 'the opened files are no longer held by the simulation worker (it was restarted, or newer files were opened): open them again';
    }
    const spec = options.scenario ? findScenario(options.scenario) : undefined;
    return spec ?? `unknown scenario "${options.scenario ?? ''}"`;
  }

  load(options: LoadOptions): LoadOutcome | Promise<LoadOutcome> {
    const policyUrl = this.policies.get(options.controller);
    if (policyUrl !== undefined) return this.loadPolicy(options, policyUrl);
    return this.loadWith(options, this.controllers.get(options.controller) ?? this.hidden.get(options.controller));
  }

  /** Fetches (from the app's own files), checks and loads an ONNX policy, then the episode. */
  private async loadPolicy(options: LoadOptions, url: string): Promise<LoadOutcome> {
    try {
      return this.loadWith(options, await policyFactory(options.controller, url));
    } catch (error) {
      const spec = this.specOf(options);
      return {
        ok: false,
        reason: `policy ${options.controller}: ${error instanceof Error ? error.message : String(error)}`,
        issues: [],
        scene: typeof spec === 'string' ? null : sceneFromRawSpec(spec),
      };
    }
  }

  private loadWith(options: LoadOptions, factory: ControllerFactory | undefined): LoadOutcome {
    const spec = this.specOf(options);
    if (typeof spec === 'string') return { ok: false, reason: spec, issues: [], scene: null };
    if (options.spec !== undefined || options.opened !== undefined) {
      const invalid = validationRefusal(spec);
      if (invalid) return invalid;
    }
    if (!factory) return { ok: false, reason: `unknown controller "${options.controller}"`, issues: [], scene: sceneFromRawSpec(spec) };
    const cellName = options.cellController ?? defaultCellController(spec as { arms?: unknown[] });
    const cellFactory = cellName ? this.cellControllers.get(cellName) : undefined;
    if (cellName && !cellFactory) return { ok: false, reason: `unknown cell controller "${cellName}"`, issues: [], scene: sceneFromRawSpec(spec) };
    try {
      const controller = factory();
      this.asyncController = controller.decideAsync !== undefined;
      const episode = this.host.load({
        spec,
        controller,
        ...(cellFactory ? { cellController: cellFactory() } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.overrides ? { overrides: options.overrides } : {}),
      });
      const scene = sceneFromModel(this.host.model, this.host.state.seed);
      this.slots = this.shared ? new SharedFrameSlots(scene.sections) : null;
      return { ok: true, episode, scene };
    } catch (error) {
      return refusal(error, spec);
    }
  }

  describe(spec: ScenarioSpecInput): LoadOutcome {
    const invalid = validationRefusal(spec);
    if (invalid) return invalid;
    try {
      const model = compileScenario(spec, hostCatalog);
      return { ok: true, episode: 0, scene: sceneFromModel(model, model.spec.seed) };
    } catch (error) {
      return refusal(error, spec);
    }
  }

  advance(ticks: number, budgetMs?: number): StepResult | Promise<StepResult> {
    return this.asyncController ? this.advanceAsync(ticks, budgetMs) : this.advanceSync(ticks, budgetMs);
  }

  /** {@link advance} for a policy that infers asynchronously: the same chunks, each awaited. */
  private async advanceAsync(ticks: number, budgetMs?: number): Promise<StepResult> {
    const t0 = performance.now();
    const events: SimEvent[] = [];
    let left = Math.min(MAX_TICKS_PER_CALL, Math.max(0, Math.floor(ticks)));
    let done = this.host.done;
    while (left > 0 && !done) {
      const chunk = this.chunkOf(left, budgetMs);
      const c0 = performance.now();
      const r = await this.host.advanceAsync(chunk);
      this.lastTickMs = (performance.now() - c0) / chunk;
      for (const e of r.events) events.push(e);
      left -= chunk;
      done = r.done;
      if (budgetMs !== undefined && performance.now() - t0 >= budgetMs) break;
    }
    return this.stepResult(events, done, performance.now() - t0);
  }

  private advanceSync(ticks: number, budgetMs?: number): StepResult {
    const t0 = performance.now();
    const events: SimEvent[] = [];
    let left = Math.min(MAX_TICKS_PER_CALL, Math.max(0, Math.floor(ticks)));
    let done = this.host.done;
    while (left > 0 && !done) {
      const chunk = this.chunkOf(left, budgetMs);
      const c0 = performance.now();
      const r = this.host.advance(chunk);
      this.lastTickMs = (performance.now() - c0) / chunk;
      for (const e of r.events) events.push(e);
      left -= chunk;
      // The watchdog ends the episode where an impossible pose appeared (its event says which).
      done = r.done || watchdogTripped(this.host.state);
      if (budgetMs !== undefined && performance.now() - t0 >= budgetMs) break;
    }
    return this.stepResult(events, done, performance.now() - t0);
  }

  /** Ticks to step before the next budget check: all that are left without a budget. */
  private chunkOf(left: number, budgetMs: number | undefined): number {
    if (budgetMs === undefined) return left;
    return Math.min(left, this.lastTickMs * 4 > budgetMs ? 1 : TICKS_PER_BUDGET_CHECK);
  }

  private stepResult(events: SimEvent[], done: boolean, workerMs: number): StepResult {
    const base = { episode: this.host.episodeToken, tick: this.host.tick, done, events, workerMs };
    if (this.slots) return { ...base, sections: this.slots.write(this.host.frame()) };
    const frame = this.host.frame(true);
    return Comlink.transfer({ ...base, sections: frame.sections }, sectionBuffers(frame.sections));
  }

  hash(): string {
    return this.host.hash();
  }

  kpis(): Kpis {
    return this.host.kpis();
  }

  robotDetail(robot: number): RobotDetail | null {
    const model = this.host.model;
    const state = this.host.state;
    const r = robotRows.table(state);
    if (!Number.isInteger(robot) || robot < 0 || robot >= r.count) return null;
    const taskId = r.task[robot]!;
    const task = taskId >= 0 ? orderRows.data(state).tasks.find((t) => t.id === taskId) : undefined;
    const routeXZ = [r.posX[robot]!, r.posZ[robot]!];
    for (const node of r.route[robot] ?? []) routeXZ.push(model.roadmap.nodeX[node]!, model.roadmap.nodeZ[node]!);
    const spec = robotRows.things(model)[robot]!.model;
    return {
      robot,
      tick: state.tick,
      modelId: spec.id,
      mode: robotModeName(r.mode[robot]!, r.faultUntilTick[robot]! >= 0),
      speedMps: r.speedMps[robot]!,
      batteryWh: r.batteryWh[robot]!,
      capacityWh: spec.battery.capacityWh,
      carriedLoad: r.carriedLoad[robot]!,
      task: task ? { id: task.id, phase: task.phase, load: task.load, station: task.station } : null,
      routeXZ,
    };
  }
}

/** A refusal listing every problem of a spec given inline (a file), or null when it is valid. */
function validationRefusal(spec: unknown): LoadOutcome | null {
  const issues = validateScenario(spec, hostCatalog);
  if (issues.length === 0) return null;
  const id = typeof (spec as { id?: unknown } | null)?.id === 'string' ? (spec as { id: string }).id : '(no id)';
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return { ok: false, reason: `invalid scenario ${id} (${count})`, issues, scene: sceneFromRawSpec(spec) };
}

function refusal(error: unknown, spec: unknown): LoadOutcome {
  if (error instanceof ScenarioSpecError) {
    return { ok: false, reason: error.message.split('\n')[0]!, issues: [...error.issues], scene: sceneFromRawSpec(spec) };
  }
  return { ok: false, reason: error instanceof Error ? error.message : String(error), issues: [], scene: sceneFromRawSpec(spec) };
}
