/**
 * Running one job: {@link runSpec} is the single place a scenario is loaded, run to its horizon
 * and measured (optionally recording a replay, see `recordToEnd`).
 */
import { UsageError } from './usage-error.ts';
import { robotRows } from '../../sim/index.ts';
import { defaultCellController, hostCatalog } from '../../robots/index.ts';
import {
  createReplayRecorder,
  headlineOf,
  kpiCatalogue,
  kpiReadings,
  replayHeaderOf,
  SimHost,
  thingCountsOf,
  watchdogTripped,
  type FleetController,
  type KpiReading,
  type Kpis,
  type ThingCounts,
  type Replay,
  type ScenarioOverrides,
  type ScenarioSpecInput,
  type SimEvent,
} from '../../sim/index.ts';
import { loadCellControllerFactory } from './load-controller.ts';
import { isControllerPath, loadControllerFactory } from './load-controller.ts';
import { PipelinedController } from './pipelined-controller.ts';
import { resolveScenario } from './registry.ts';
import { DEFAULT_CONTROLLER_BUDGET_MS, startIsolatedController, type IsolatedController } from './isolated-controller.ts';
import { createFailureTally, type RunFailures } from './run-failures.ts';

/**
 * Where a controller runs: `worker` in its own worker thread with a wall-clock budget per control
 * tick, `thread` in the run's own thread, `auto` (the default) isolates module paths (user code)
 * and runs registered built-ins in-thread.
 */
export type Isolation = 'auto' | 'worker' | 'thread';

/** One headless run, as named on the command line. */
export interface RunRequest {
  /** Registered scenario id or scenario `.json` file (see `resolveScenario`). */
  scenario: string;
  seed?: number;
  controller: string;
  overrides?: ScenarioOverrides;
  /** Cell controller (arms …): a registered name or a module path (see `loadCellControllerFactory`). */
  cellController?: string;
  isolation?: Isolation;
  /** Wall-clock budget of one isolated `decide`, milliseconds (default {@link DEFAULT_CONTROLLER_BUDGET_MS}). */
  budgetMs?: number;
  /** Memory an isolated controller may hold, MiB (default 2048, `DEFAULT_CONTROLLER_MEMORY_MB`). */
  memoryMb?: number;
  /**
   * Decide while the world steps: the controller runs in a worker thread and its commands act one
   * control period after the observation they were made from (see `PipelinedController`).
   */
  pipeline?: boolean;
}

/** One headless run of a scenario spec already resolved (what suites, sweeps and comparisons hand to workers). */
export interface SpecRun {
  spec: ScenarioSpecInput;
  /** Registry name or module path (see `loadControllerFactory`). */
  controller: string;
  /** Episode seed; the spec's own (else 1) when absent. */
  seed?: number;
  overrides?: ScenarioOverrides;
  cellController?: string;
  isolation?: Isolation;
  budgetMs?: number;
  memoryMb?: number;
  /**
   * Decide while the world steps: the controller runs in a worker thread and its commands act one
   * control period after the observation they were made from (see `PipelinedController`).
   */
  pipeline?: boolean;
}

/** The result of one headless run (the `--json` output of `bench run`). */
export interface RunResult {
  scenario: string;
  seed: number;
  controller: string;
  /** Cell controller of the arms (named or defaulted), or null for a scenario without arms. */
  cellController: string | null;
  robots: number;
  ticks: number;
  simulatedSec: number;
  hash: string;
  wallSec: number;
  realTimeFactor: number;
  kpis: Kpis;
  timing: { physicsMs: number; controllerMs: number; otherMs: number; tickMs: number };
  /** Whether the controller ran isolated in a worker thread. */
  isolated: boolean;
  /** Present when it was pipelined (`--pipeline`): its commands acted this many seconds (one control period) after their observation. */
  pipelineLatencySec?: number;
  /** Controller failures and rejected commands by cause, and why the run stopped early (if it did). */
  failures: RunFailures;
  /** Set when the run was interrupted (Ctrl-C) before its horizon: everything above is up to `ticks`. */
  interrupted?: true;
  /** How many things of each kind the scenario has (kinds with none left out): what its KPIs can show. */
  things: ThingCounts;
  /** The scenario's headline KPIs (what a gate should watch: a line's units/h and OEE, sortation's parcels/h, a warehouse's orders/h) with their values. */
  headline: KpiReading[];
  /** Every KPI figure the scenario has, with its metadata (title, unit, which way is better, format) and value; `kpis` holds the same values. */
  kpiMeta: KpiReading[];
}

/** Options of {@link runSpec}. */
export interface RunOptions {
  /** Record a replay with a keyframe every this many ticks. */
  keyframeEveryTicks?: number | null;
  /** Called with every event as it happens (e.g. streamed to `--events`). */
  onEvent?: (event: SimEvent) => void;
  /** Called after every advance (every few simulated seconds) with the tick reached (the soak samples memory here, `bench run` shows progress). */
  onAdvance?: (tick: number, hz: number, horizonTicks: number) => void;
  /** Stops the run between two advances once aborted; the result (and replay) cover what ran and say `interrupted`. */
  signal?: AbortSignal;
}

/** Keyframe spacing of recorded replays by default: one a simulated second at 30 Hz. */
export const DEFAULT_KEYFRAME_EVERY_TICKS = 30;

/** Runs a scenario named on the command line to its horizon at full speed in this thread. */
export async function runScenario(request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
  return (await runSpec(fromRequest(request), options)).result;
}

/** Runs a scenario like {@link runScenario} and records a replay (a keyframe every `keyframeEveryTicks`). */
export async function recordScenario(
  request: RunRequest,
  keyframeEveryTicks = DEFAULT_KEYFRAME_EVERY_TICKS,
  options: RunOptions = {},
): Promise<{ result: RunResult; replay: Replay }> {
  const out = await runSpec(fromRequest(request), { ...options, keyframeEveryTicks });
  return { result: out.result, replay: out.replay! };
}

function fromRequest(request: RunRequest): SpecRun {
  const { scenario, ...run } = request;
  return { ...run, spec: resolveScenario(scenario) };
}

/**
 * The one way a run happens: loads the controller (isolated in a worker thread or in this
 * thread, see {@link Isolation}) and the spec into a fresh host, runs it to its horizon at full
 * speed (recording a replay when `keyframeEveryTicks` is given) and measures it. The run ends early,
 * cleanly, when an isolated controller is stopped or the watchdog trips (`failures.stopped`).
 * `bench run` calls it directly, the worker pool (`runner/run-worker.ts`) for every run of a
 * suite, sweep or comparison.
 * @throws UsageError for an unknown controller; ScenarioSpecError for an invalid spec.
 */
export async function runSpec(request: SpecRun, options: RunOptions | number | null = {}): Promise<{ result: RunResult; replay: Replay | null }> {
  const opts: RunOptions = typeof options === 'number' || options === null ? { keyframeEveryTicks: options } : options;
  const spec = request.spec;
  const isolate =
    request.pipeline === true ||
    request.isolation === 'worker' ||
    ((request.isolation ?? 'auto') === 'auto' && isControllerPath(request.controller) && !request.controller.endsWith('.onnx'));
  let isolated: IsolatedController | null = null;
  let controller: FleetController;
  if (isolate) {
    await loadControllerFactory(request.controller, { checkOnly: true });
    isolated = await startIsolatedController(request.controller, {
      budgetMs: request.budgetMs ?? DEFAULT_CONTROLLER_BUDGET_MS,
      ...(request.memoryMb ? { memoryMb: request.memoryMb } : {}),
      trusted: !isControllerPath(request.controller),
    });
    controller = request.pipeline ? new PipelinedController(isolated) : isolated;
  } else {
    controller = (await loadControllerFactory(request.controller))();
  }
  const arms = (spec as { arms?: unknown[] }).arms;
  if (request.cellController && !(Array.isArray(arms) && arms.length > 0))
    throw new UsageError(`--cell-controller ${request.cellController}: scenario ${String((spec as { id?: unknown }).id)} has no arms to control`);
  const cellName = request.cellController ?? defaultCellController(spec as { arms?: unknown[] });
  const cellFactory = cellName ? await loadCellControllerFactory(cellName) : null;
  let host: SimHost;
  try {
    host = await SimHost.create(hostCatalog, () => performance.now());
  } catch (error) {
    isolated?.close();
    throw error;
  }
  try {
    const seed = request.seed ?? (spec.seed as number | undefined) ?? 1;
    host.load({
      spec,
      controller,
      // No defensive copies of the observations for a catalogue controller run in-thread (ours), nor
      // for an isolated one (it gets encoded copies in its worker, which checks its roadmap itself).
      trustedController: isolate || !isControllerPath(request.controller),
      seed,
      ...(request.overrides ? { overrides: request.overrides } : {}),
      ...(cellFactory ? { cellController: cellFactory() } : {}),
    });
    const tally = createFailureTally();
    const everyTicks = opts.keyframeEveryTicks ?? null;
    const recorder = everyTicks === null ? null : createReplayRecorder(replayHeaderOf(host.model, seed, request.controller, everyTicks));
    recorder?.keyframe(host.frame());
    const chunk = everyTicks ?? host.model.controlEvery * 20;
    let interrupted = false;
    while (!host.done) {
      // Controllers that infer asynchronously (ONNX policies) are awaited tick by tick.
      const { events } = controller.decideAsync ? await host.advanceAsync(chunk) : host.advance(chunk);
      for (const e of events) {
        tally.add(e);
        opts.onEvent?.(e);
      }
      if (recorder) {
        recorder.events(events);
        recorder.keyframe(host.frame());
      }
      opts.onAdvance?.(host.tick, host.model.hz, host.model.horizonTicks);
      if (isolated?.stopped) {
        await isolated.settle();
        tally.stop({ by: 'controller', ...isolated.stopped });
      }
      if (isolated?.stopped || watchdogTripped(host.state)) break;
      if (opts.signal) {
        // The loop is synchronous: let a Ctrl-C reach its handler between advances.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (opts.signal.aborted && !host.done) {
          interrupted = true;
          break;
        }
      }
    }
    tally.issued(host.commandsIssued);
    const t = host.timing;
    const ticks = Math.max(1, t.ticks);
    const wallSec = t.totalMs / 1000;
    const simulatedSec = host.tick / host.model.hz;
    const kpis = host.kpis();
    const things = thingCountsOf(host.model);
    const catalogue = kpiCatalogue(host.model.kinds, things, kpis);
    const result: RunResult = {
      scenario: host.model.id,
      seed,
      controller: request.controller,
      cellController: cellName ?? null,
      robots: robotRows.things(host.model).length,
      ticks: host.tick,
      simulatedSec,
      hash: host.hash(),
      wallSec: round(wallSec, 3),
      realTimeFactor: round(simulatedSec / Math.max(wallSec, 1e-9), 1),
      kpis,
      timing: {
        tickMs: round(t.totalMs / ticks, 4),
        physicsMs: round(t.physicsMs / ticks, 4),
        controllerMs: round(t.controllerMs / ticks, 4),
        otherMs: round((t.totalMs - t.physicsMs - t.controllerMs) / ticks, 4),
      },
      isolated: isolated !== null,
      ...(request.pipeline ? { pipelineLatencySec: host.model.controlEvery / host.model.hz } : {}),
      failures: tally.result(),
      ...(interrupted ? { interrupted: true as const } : {}),
      things,
      headline: kpiReadings(headlineOf(catalogue), kpis),
      kpiMeta: kpiReadings(catalogue, kpis),
    };
    return { result, replay: recorder ? recorder.finish(host.tick, result.kpis, result.hash) : null };
  } finally {
    host.dispose();
    isolated?.close();
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
