import type { ControllerReport, FleetController, FleetObservation } from '../control/types.ts';
import { createObservationCache } from '../control/observation-cache.ts';
import { createHandedRoadmap, handModelRoadmap } from '../control/handed-roadmap.ts';
import { observe } from '../control/observe.ts';
import { filterCommands } from '../control/filter-commands.ts';
import type { SimEvent } from '../events/sim-event.ts';
import type { RobotModelCatalog } from '../compile/compile-scenario.ts';
import { compileScenario } from './compile-builtin.ts';
import type { SimModel } from '../model/sim-model.ts';
import { createKpiAccumulator, finalizeKpis, reduceKpis, type KpiAccumulator, type Kpis } from '../metrics/kpis.ts';
import { initPhysics } from '../physics/rapier.ts';
import { applyOverrides, type ScenarioOverrides } from './apply-overrides.ts';
import type { ScenarioSpecInput } from '../kinds/builtin-spec.ts';
import type { KindRegistry } from '../kind/kind-registry.ts';
import type { StageClock, StageContext } from '../kind/stage-slots.ts';
import { createSimState } from '../state/create-state.ts';
import type { SimState } from '../state/sim-state.ts';
import { hashState, restoreState, snapshotState, type SimSnapshot } from '../state/snapshot.ts';
import { stepSim } from '../step/step-sim.ts';
import { writePoseFrame, type PoseFrame } from './pose-frame.ts';
import type { CellController } from './cell-controller.ts';
import { createProgressWatchdog, type ProgressWatchdog } from './progress-watchdog.ts';

const NO_COMMANDS: readonly unknown[] = Object.freeze([]);

/** What to load: a spec, a controller, a seed and optional overrides. */
export interface LoadRequest {
  spec: ScenarioSpecInput;
  controller: FleetController;
  /** Defaults to the spec's seed. */
  seed?: number;
  overrides?: ScenarioOverrides;
  /** Kinds of things to compile with; the built-in kinds when absent. */
  kinds?: KindRegistry;
  /** A controller of the cells (arms …), run after `controller` on the same observation. */
  cellController?: CellController;
  /**
   * Step every tick even where event speed could skip ticks (a logical line: no moving body, every
   * kind with stages able to say when it is next busy). Same KPIs and event stream either way.
   */
  stepEveryTick?: boolean;
  /**
   * The controller is one built into this repository (a catalogue name, run in-thread), known to
   * treat its observations as read-only: it is handed the model's own roadmap and unfrozen views,
   * with no copy to repair after each call. Results are identical either way; a user's controller
   * keeps the defensive copies (or runs isolated).
   */
  trustedController?: boolean;
}

/** Wall-clock accounting of a host (zero unless a clock was given). Never enters the sim. */
export interface HostTiming {
  ticks: number;
  totalMs: number;
  physicsMs: number;
  controllerMs: number;
}

/**
 * Whether an episode can run at event speed: its world has no moving body (only the floor and
 * walls) and every kind with stages either has no things or says when it is next busy
 * (`KindDef.nextBusyTick`). Null when it must step every tick.
 */
function eventSpeedOf(model: SimModel, state: SimState): { kinds: ReadonlyArray<(ctx: StageContext) => number>; timelineTicks: readonly number[] } | null {
  if (state.physics.hasMovingBodies()) return null;
  const kinds: Array<(ctx: StageContext) => number> = [];
  for (const kind of model.kinds.kinds) {
    if (!kind.stages?.length) continue;
    if (kind.nextBusyTick) kinds.push(kind.nextBusyTick);
    else if ((model.things[kind.id]?.length ?? 0) > 0) return null;
  }
  return { kinds, timelineTicks: [...model.timeline.keys()].sort((a, b) => a - b) };
}

/** Result of {@link SimHost.advance}. */
export interface AdvanceResult {
  tick: number;
  /** Whether the horizon is reached. */
  done: boolean;
  events: SimEvent[];
}

/**
 * The transport-free simulation host: load an episode, advance it, snapshot and restore it, read
 * pose frames, events and KPIs. The browser worker exposes it with comlink; `bench/` calls it
 * directly. One host runs one episode at a time.
 */
export class SimHost {
  private modelValue: SimModel | null = null;
  private stateValue: SimState | null = null;
  private controller: FleetController | null = null;
  private cellController: CellController | null = null;
  /** The stage context of the loaded episode (rebuilt on restore: it names the live state). */
  private ctx: StageContext | null = null;
  /** Kinds' per-episode working memory, by kind id. */
  private scratch = new Map<string, unknown>();
  /** Whether a controller was found writing into its observation this episode (reported once). */
  private wroteIntoObservation = false;
  /** Views reused between observations; it compares every field, so a restore needs no reset. */
  private observationCache = createObservationCache();
  /** Whether this episode's controller is trusted (see {@link LoadRequest.trustedController}). */
  private trustedController = false;
  private kpiAcc: KpiAccumulator = createKpiAccumulator(30);
  /** Watches for waiting work that nothing delivers (`progress.stalled`); outside the state, never hashed. */
  private progress: ProgressWatchdog | null = null;
  private episode = 0;
  private frameBuffer: PoseFrame | undefined;
  private readonly stageClock: StageClock | undefined;
  readonly timing: HostTiming = { ticks: 0, totalMs: 0, physicsMs: 0, controllerMs: 0 };
  /** Commands the fleet controller returned this episode (accepted or not); not part of the state. */
  commandsIssued = 0;
  /** Event speed for this episode: the kinds that say when they are next busy, and the timeline's ticks (ascending); null: step every tick. */
  private eventSpeed: { kinds: ReadonlyArray<(ctx: StageContext) => number>; timelineTicks: readonly number[] } | null = null;

  /** `clock` (milliseconds) is optional and only used for timing reports. */
  private constructor(
    private readonly catalog: RobotModelCatalog,
    private readonly clock?: () => number,
  ) {
    this.stageClock = clock ? { now: clock, physicsMs: 0 } : undefined;
  }

  /** Initialises physics (once per thread) and returns an empty host. */
  static async create(catalog: RobotModelCatalog, clock?: () => number): Promise<SimHost> {
    await initPhysics();
    return new SimHost(catalog, clock);
  }

  /** Compiles and loads an episode; returns its episode token. Throws `ScenarioSpecError` on a bad spec. */
  load(request: LoadRequest): number {
    const spec = request.overrides ? applyOverrides(request.spec, request.overrides) : request.spec;
    const model = compileScenario(spec, this.catalog, request.kinds);
    const seed = request.seed ?? model.spec.seed;
    this.dispose();
    this.modelValue = model;
    this.stateValue = createSimState(model, seed);
    this.controller = request.controller;
    this.cellController = request.cellController ?? null;
    this.scratch = new Map(model.kinds.kinds.flatMap((k) => (k.createScratch ? [[k.id, k.createScratch(model)] as const] : [])));
    this.ctx = this.createContext(model, this.stateValue);
    this.eventSpeed = request.stepEveryTick ? null : eventSpeedOf(model, this.stateValue);
    this.ctx.worldAtRest = this.eventSpeed !== null;
    this.observationCache = createObservationCache();
    this.wroteIntoObservation = false;
    this.kpiAcc = createKpiAccumulator(model.hz, model.kinds, model.things);
    this.progress = createProgressWatchdog(model);
    this.trustedController = request.trustedController === true;
    this.observationCache.roadmap = this.trustedController ? handModelRoadmap(model.roadmap) : createHandedRoadmap(model.roadmap);
    this.observationCache.roadmapOf = model;
    request.controller.reset?.({
      seed,
      robots: model.kinds.drivers ? (model.things[model.kinds.drivers.id]?.length ?? 0) : 0,
      roadmap: this.observationCache.roadmap.roadmap,
    });
    request.cellController?.reset?.({ seed });
    this.repairObservation();
    this.resetTiming();
    this.episode += 1;
    return this.episode;
  }

  get model(): SimModel {
    if (!this.modelValue) throw new Error('no episode loaded');
    return this.modelValue;
  }

  /** The live state. Hosts and tests may read it; controllers never see it. */
  get state(): SimState {
    if (!this.stateValue) throw new Error('no episode loaded');
    return this.stateValue;
  }

  get episodeToken(): number {
    return this.episode;
  }

  get tick(): number {
    return this.state.tick;
  }

  get done(): boolean {
    return this.state.tick >= this.model.horizonTicks;
  }

  /** Runs up to `ticks` ticks (stopping at the horizon) and returns the events they produced. */
  advance(ticks: number): AdvanceResult {
    const t0 = this.clock?.();
    const events: SimEvent[] = [];
    // Deciding synchronously, the loop never yields: one `next` runs it to the end.
    this.tickLoop(ticks, events, false).next();
    return this.finishAdvance(t0, events);
  }

  /**
   * The one tick loop of {@link advance} and {@link advanceAsync}: steps to `ticks` ahead (or the
   * horizon), jumping over idle ticks, and at each control tick takes the controller's commands
   * ({@link decision}), which it filters and applies. It yields only the promise of a
   * `decideAsync` when `awaitAsync` is set; the async driver awaits it and hands the result back.
   */
  private *tickLoop(ticks: number, events: SimEvent[], awaitAsync: boolean): Generator<Promise<unknown>, void, unknown> {
    const model = this.model;
    const state = this.state;
    const end = Math.min(model.horizonTicks, state.tick + Math.max(0, Math.floor(ticks)));
    while (state.tick < end) {
      if (this.skipIdleTicks(end)) {
        // A jump over idle ticks may be a line that will never be busy again: watch it too.
        this.watchProgress(events);
        continue;
      }
      const commands = state.tick % model.controlEvery === 0 ? filterCommands(model, state, yield* this.decision(awaitAsync)) : NO_COMMANDS;
      this.stepWith(commands, events);
    }
  }

  /**
   * Event speed: jumps over ticks in which nothing would happen (no kind busy, no scripted event),
   * up to `end`. Such a tick would only step a world without moving bodies. True when it jumped.
   */
  private skipIdleTicks(end: number): boolean {
    const speed = this.eventSpeed;
    const state = this.state;
    if (!speed || state.tick === 0) return false;
    let next = end;
    for (const busy of speed.kinds) next = Math.min(next, busy(this.ctx!));
    for (const t of speed.timelineTicks)
      if (t >= state.tick) {
        next = Math.min(next, t);
        break;
      }
    if (next <= state.tick) return false;
    state.tick = next;
    return true;
  }

  /** Asks the progress watchdog about the tick reached; a stall is folded and collected like any event. */
  private watchProgress(events: SimEvent[]): void {
    const stalled = this.progress?.afterTick(this.state);
    if (!stalled) return;
    reduceKpis(this.kpiAcc, stalled);
    events.push(stalled);
  }

  /** One tick with this tick's commands; its events are folded into the KPIs and collected. */
  private stepWith(commands: readonly unknown[], events: SimEvent[]): void {
    const state = this.state;
    this.ctx!.commands = commands;
    stepSim(this.ctx!);
    const progress = this.progress;
    for (const e of state.events) {
      reduceKpis(this.kpiAcc, e);
      progress?.onEvent(e);
      events.push(e);
    }
    state.events.length = 0;
    this.watchProgress(events);
    this.timing.ticks += 1;
  }

  private finishAdvance(t0: number | undefined, events: SimEvent[]): AdvanceResult {
    if (this.clock && t0 !== undefined) {
      this.timing.totalMs += this.clock() - t0;
      this.timing.physicsMs = this.stageClock!.physicsMs;
    }
    return { tick: this.state.tick, done: this.state.tick >= this.model.horizonTicks, events };
  }

  /** Runs to the horizon. Events are folded into the KPIs but not kept. */
  runToEnd(chunkTicks = 600): void {
    while (!this.done) this.advance(chunkTicks);
  }

  /**
   * {@link advance} for a controller with `decideAsync`: awaits it at each control tick (same
   * observations, same ticks, so the same hash as a synchronous controller deciding alike).
   * Falls back to `decide` for controllers without it.
   */
  async advanceAsync(ticks: number): Promise<AdvanceResult> {
    const t0 = this.clock?.();
    const events: SimEvent[] = [];
    const state = this.state;
    const loop = this.tickLoop(ticks, events, true);
    for (let step = loop.next(); !step.done; ) {
      const episode = this.episode;
      let settled: { value: unknown } | { error: unknown };
      try {
        settled = { value: await step.value };
      } catch (error) {
        settled = { error };
      }
      if (episode !== this.episode || this.stateValue !== state) throw new Error('the episode was reloaded or restored while a decision was pending');
      step = 'error' in settled ? loop.throw(settled.error) : loop.next(settled.value);
    }
    return this.finishAdvance(t0, events);
  }

  /** {@link runToEnd} with {@link advanceAsync}. */
  async runToEndAsync(chunkTicks = 600): Promise<void> {
    while (!this.done) await this.advanceAsync(chunkTicks);
  }

  /** KPIs so far. */
  kpis(): Kpis {
    return finalizeKpis(this.kpiAcc, this.state.tick / this.model.hz);
  }

  /** State hash (sim tables + Rapier snapshot), 16 hex characters. */
  hash(): string {
    return hashState(this.model, this.state);
  }

  /** A snapshot to continue from later (in this host or another). */
  snapshot(): SimSnapshot {
    const snap = snapshotState(this.model, this.state, this.controller?.saveState?.() ?? null);
    const cell = this.cellController?.saveState?.();
    return cell === undefined ? snap : { ...snap, cellController: cell };
  }

  /**
   * Restores a snapshot taken of the currently loaded scenario (load it first, with a fresh
   * controller). KPIs restart from the restored tick.
   */
  restore(snap: SimSnapshot): void {
    const next = restoreState(this.model, snap);
    this.stateValue?.physics.free();
    this.stateValue = next;
    this.ctx = this.createContext(this.model, next);
    this.ctx.worldAtRest = this.eventSpeed !== null;
    if (snap.controller !== null && snap.controller !== undefined) this.controller?.loadState?.(snap.controller);
    if (snap.cellController !== undefined) this.cellController?.loadState?.(snap.cellController);
    this.kpiAcc = createKpiAccumulator(this.model.hz, this.model.kinds, this.model.things);
  }

  /** Current poses; the arrays are reused between calls unless `fresh` (needed when transferring). */
  frame(fresh = false): PoseFrame {
    const frame = writePoseFrame(this.model, this.state, this.episode, fresh ? undefined : this.frameBuffer);
    if (!fresh) this.frameBuffer = frame;
    return frame;
  }

  /** Frees the physics world. */
  dispose(): void {
    this.stateValue?.physics.free();
    this.stateValue = null;
    this.frameBuffer = undefined;
  }

  private createContext(model: SimModel, state: SimState): StageContext {
    const scratch = this.scratch;
    return {
      model,
      state,
      commands: NO_COMMANDS,
      scratch: <T>(kind: string) => {
        if (!scratch.has(kind)) throw new Error(`kind "${kind}" has no scratch (createScratch)`);
        return scratch.get(kind) as T;
      },
      clock: this.stageClock,
    };
  }

  /**
   * Puts back anything the controller wrote into what it was handed (the roadmap's arrays; the
   * other views are frozen), so the model and the next observation stay as they were; reported
   * once per episode as `controller.failed`.
   */
  private repairObservation(wrote = false): void {
    if (!(wrote || this.observationCache.roadmap?.repair()) || this.wroteIntoObservation) return;
    this.wroteIntoObservation = true;
    const state = this.state;
    state.events.push({
      type: 'controller.failed',
      tick: state.tick,
      message: 'the controller wrote into the roadmap it was handed; the writes were undone (observations are read-only)',
    });
  }

  private resetTiming(): void {
    this.timing.ticks = 0;
    this.timing.totalMs = 0;
    this.timing.physicsMs = 0;
    this.timing.controllerMs = 0;
    this.commandsIssued = 0;
    if (this.stageClock) this.stageClock.physicsMs = 0;
  }

  /** Turns a controller's reports into events; malformed reports are ignored. */
  private collectReports(): void {
    const state = this.state;
    let reports: unknown;
    try {
      reports = this.controller!.drainReports?.();
    } catch {
      return;
    }
    if (!Array.isArray(reports)) return;
    for (const rep of reports as ControllerReport[]) {
      if (rep?.kind === 'deadlock' && Array.isArray(rep.robots)) {
        state.events.push({
          type: 'deadlock.detected',
          tick: state.tick,
          robots: [...rep.robots],
          waitedSec: Number(rep.waitedSec) || 0,
          source: 'controller',
        });
      } else if (rep?.kind === 'observation-written') {
        this.repairObservation(true);
      } else if (rep?.kind === 'lagging') {
        state.events.push({ type: 'route.lagging', tick: state.tick, robot: rep.robot, node: rep.node, lagSec: Number(rep.lagSec) || 0 });
      }
    }
  }

  /** The observation of this control tick, as `decide` gets it. */
  private observeForController(): FleetObservation {
    const scan = this.controller!.scan;
    const usableScan = scan && scan.beams >= 1 && scan.beams <= 720 && scan.rangeM > 0 ? scan : undefined;
    return observe(this.model, this.state, usableScan, this.observationCache, this.trustedController);
  }

  /** Runs the cell controller; a throw or a non-array result gives no cell commands and is reported. */
  private decideCells(observation: ReturnType<typeof observe>): readonly unknown[] {
    const t0 = this.clock?.();
    let out: unknown;
    try {
      out = this.cellController!.decide(observation);
    } catch (error) {
      out = new Error(`decide() threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (t0 !== undefined) this.timing.controllerMs += this.clock!() - t0;
    if (Array.isArray(out)) return out;
    const message = out instanceof Error ? out.message : `decide() returned ${out === null ? 'null' : typeof out}, not an array of commands`;
    this.state.events.push({ type: 'controller.failed', tick: this.state.tick, message: `cell controller ${this.cellController!.name}: ${message}` });
    return [];
  }

  /**
   * The one decision of a control tick, for every kind of controller: observes, calls `decide`
   * (or, when `awaitAsync` and the controller has one, yields the promise of `decideAsync` and
   * takes what the driver hands back), checks the result, and hands the commands on with the cell
   * controller's ({@link finishDecision}). A throw, a rejection or a non-array result holds every
   * robot and is reported.
   */
  private *decision(awaitAsync: boolean): Generator<Promise<unknown>, readonly unknown[], unknown> {
    const controller = this.controller!;
    const observation = this.observeForController();
    const isAsync = awaitAsync && controller.decideAsync !== undefined;
    const t0 = this.clock?.();
    let out: unknown;
    let failure: string | null = null;
    try {
      out = isAsync ? yield controller.decideAsync!(observation) : controller.decide(observation);
      if (!Array.isArray(out))
        failure = `${isAsync ? 'decideAsync() resolved to' : 'decide() returned'} ${out === null ? 'null' : typeof out}, not an array of commands`;
    } catch (error) {
      // A host that stops an untrusted controller (past its budget) says why in its own words.
      failure =
        error instanceof Error && error.name === 'ControllerStopped'
          ? error.message
          : `${isAsync ? 'decideAsync() failed' : 'decide() threw'}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (t0 !== undefined) this.timing.controllerMs += this.clock!() - t0;
    return this.finishDecision(out, failure, observation);
  }

  /** Reports and holds on a failed decision; otherwise collects the controller's reports and hands the commands on. */
  private finishDecision(out: unknown, failure: string | null, observation: FleetObservation): readonly unknown[] {
    const state = this.state;
    this.repairObservation();
    if (failure === null) {
      this.commandsIssued += (out as unknown[]).length;
      this.collectReports();
      return this.cellController ? [...(out as unknown[]), ...this.decideCells(observation)] : (out as unknown[]);
    }
    state.events.push({ type: 'controller.failed', tick: state.tick, message: failure });
    for (const kind of this.model.kinds.kinds) kind.holdSafely?.({ model: this.model, state }, failure);
    return this.cellController ? this.decideCells(observation) : [];
  }
}
