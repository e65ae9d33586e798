import type { FleetController } from '../control/types.ts';
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
import { ControllerCalls } from './controller-calls.ts';

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
  /** The episode's controllers and what the host does around their calls. */
  private calls: ControllerCalls | null = null;
  /** The stage context of the loaded episode (rebuilt on restore: it names the live state). */
  private ctx: StageContext | null = null;
  /** Kinds' per-episode working memory, by kind id. */
  private scratch = new Map<string, unknown>();
  private kpiAcc: KpiAccumulator = createKpiAccumulator(30);
  /** Watches for waiting work that nothing delivers (`progress.stalled`); outside the state, never hashed. */
  private progress: ProgressWatchdog | null = null;
  private episode = 0;
  private frameBuffer: PoseFrame | undefined;
  private readonly stageClock: StageClock | undefined;
  readonly timing: HostTiming = { ticks: 0, totalMs: 0, physicsMs: 0, controllerMs: 0 };
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
    this.scratch = new Map(model.kinds.kinds.flatMap((k) => (k.createScratch ? [[k.id, k.createScratch(model)] as const] : [])));
    this.ctx = this.createContext(model, this.stateValue);
    this.eventSpeed = request.stepEveryTick ? null : eventSpeedOf(model, this.stateValue);
    this.ctx.worldAtRest = this.eventSpeed !== null;
    this.kpiAcc = createKpiAccumulator(model.hz, model.kinds, model.things);
    this.progress = createProgressWatchdog(model);
    this.calls = new ControllerCalls(request.controller, request.cellController ?? null, model, request.trustedController === true, {
      clock: this.clock,
      timing: this.timing,
    });
    this.calls.reset(this.stateValue, seed);
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

  /** Commands the fleet controller returned this episode (accepted or not); not part of the state. */
  get commandsIssued(): number {
    return this.calls?.commandsIssued ?? 0;
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
      const commands = state.tick % model.controlEvery === 0 ? filterCommands(model, state, yield* this.calls!.decision(state, awaitAsync)) : NO_COMMANDS;
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
    const snap = snapshotState(this.model, this.state, this.calls?.controller.saveState?.() ?? null);
    const cell = this.calls?.cellController?.saveState?.();
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
    if (snap.controller !== null && snap.controller !== undefined) this.calls?.controller.loadState?.(snap.controller);
    if (snap.cellController !== undefined) this.calls?.cellController?.loadState?.(snap.cellController);
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

  private resetTiming(): void {
    this.timing.ticks = 0;
    this.timing.totalMs = 0;
    this.timing.physicsMs = 0;
    this.timing.controllerMs = 0;
    if (this.calls) this.calls.commandsIssued = 0;
    if (this.stageClock) this.stageClock.physicsMs = 0;
  }
}
